// §3.1, §3.8, §11: properties and object types the specification does not define — kept, and checked by name.
import { defineType } from '../types/common.ts';
import { shape, type TypeSpec } from '../types/model.ts';
import { childPath, show, type Context } from './context.ts';
import { extensionTypesOf } from './extensions.ts';
import { identifierSeparator, isBase64, isHexString, isPropertyName, isTypeName } from './lexical.ts';

/** §3.8: names no object may use. */
const RESERVED = new Set(['severity', 'username', 'phone_number', 'action']);

/** Generic entries for custom object types: the common properties of the category they behave as. */
const CUSTOM: Readonly<Record<'sdo' | 'sco' | 'sro', TypeSpec>> = {
  sdo: defineType('sdo', 'custom', '11.2', shape('custom object', '11.2', {})),
  sco: defineType('sco', 'custom', '11.2', shape('custom object', '11.2', {})),
  sro: defineType('sro', 'custom', '11.2', shape('custom object', '11.2', {})),
};

/**
 * Resolves the generic entry for a type the model does not know, reporting name problems. A type defined by an
 * extension definition (new-sdo/new-sco/new-sro) behaves as that category; otherwise as an SDO (§11.2).
 */
export function customTypeSpec(type: string, obj: Record<string, unknown>, ctx: Context): TypeSpec {
  if (!isTypeName(type)) {
    ctx.report('type-name', '$.type', `Type name ${show(type)} must be 3–250 characters: a lowercase letter, then a-z, 0-9 or single hyphens.`);
  }
  const ets = extensionTypesOf(obj.extensions);
  let category: 'sdo' | 'sco' | 'sro' = 'sdo';
  if (ets?.includes('new-sco')) category = 'sco';
  else if (ets?.includes('new-sro')) category = 'sro';
  else if (!ets?.includes('new-sdo') && !type.startsWith('x-')) {
    ctx.report('custom-type-prefix', '$.type', `Type ${show(type)} is not defined by STIX 2.1; custom types should start with "x-" or be defined by an extension definition.`);
  }
  return CUSTOM[category];
}

/** What a custom property's name promises about its value (§3.1 suffixes). */
const enum Suffix { None, Ref, Refs, Hex, Bin }

function suffixOf(key: string): Suffix {
  if (key.endsWith('_ref')) return Suffix.Ref;
  if (key.endsWith('_refs')) return Suffix.Refs;
  if (key.endsWith('_hex')) return Suffix.Hex;
  if (key.endsWith('_bin')) return Suffix.Bin;
  return Suffix.None;
}

/**
 * Names already seen to be well-formed `x_` properties, with their suffix: their name needs no new check.
 * Bounded, since names come from untrusted input.
 */
const CLEAN_NAMES = new Map<string, Suffix>();
const CLEAN_NAMES_MAX = 4096;

/** Checks a property the type's table does not define. `customType`: the object itself is a custom type. */
export function checkCustomProperty(key: string, value: unknown, ctx: Context, customType: boolean): void {
  let suffix = CLEAN_NAMES.get(key);
  if (suffix === undefined) {
    if (RESERVED.has(key)) {
      ctx.report('reserved-property-name', childPath('$', key), `Property name ${show(key)} is reserved and must not be used.`);
      return;
    }
    suffix = suffixOf(key);
    if (!isPropertyName(key)) {
      ctx.report('property-name', childPath('$', key), `Property name ${show(key)} must be 3–250 characters: a lowercase letter, then a-z, 0-9 or underscore.`);
    } else if (key.startsWith('x_')) {
      if (CLEAN_NAMES.size < CLEAN_NAMES_MAX) CLEAN_NAMES.set(key, suffix);
    } else if (!customType && !ctx.toplevelExtension) {
      ctx.report('custom-property-prefix', childPath('$', key), `Property ${show(key)} is not defined for ${ctx.type}; custom properties should start with "x_" (or come from a toplevel-property-extension).`);
    }
  }
  if (suffix === Suffix.None) return;
  // §3.1 ties these suffixes to value types. A custom property is the producer's own, so a mismatch is a warning.
  const expected = suffixMismatch(suffix, value);
  if (expected !== null) {
    ctx.report('custom-property-value', childPath('$', key), `Custom property ${key} should hold ${expected} (its name says so), but holds ${show(value)}.`);
  }
}

function isId(v: unknown): boolean {
  return typeof v === 'string' && identifierSeparator(v) > 0;
}

/** What the name's suffix promises, when the value breaks that promise; null when it keeps it. */
function suffixMismatch(suffix: Suffix, value: unknown): string | null {
  switch (suffix) {
    case Suffix.Ref:
      return isId(value) ? null : 'an identifier';
    case Suffix.Refs:
      return Array.isArray(value) && value.length > 0 && value.every(isId) ? null : 'a non-empty list of identifiers';
    case Suffix.Hex:
      return typeof value === 'string' && isHexString(value) ? null : 'lowercase hex';
    default:
      return typeof value === 'string' && isBase64(value) ? null : 'base64 binary';
  }
}
