// §3.1, §3.8, §11: properties and object types the specification does not define — kept, and checked by name.
import { defineType } from '../types/common.ts';
import { shape, type Category, type TypeSpec } from '../types/model.ts';
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
  let category: Category = 'sdo';
  if (ets?.includes('new-sco')) category = 'sco';
  else if (ets?.includes('new-sro')) category = 'sro';
  else if (!ets?.includes('new-sdo') && !type.startsWith('x-')) {
    ctx.report('custom-type-prefix', '$.type', `Type ${show(type)} is not defined by STIX 2.1; custom types should start with "x-" or be defined by an extension definition.`);
  }
  return CUSTOM[category as 'sdo' | 'sco' | 'sro'];
}

/**
 * Names already seen to be well-formed `x_` properties without a typed suffix: nothing to check for them again.
 * Bounded, since names come from untrusted input.
 */
const CLEAN_NAMES = new Set<string>();
const CLEAN_NAMES_MAX = 4096;

/** Whether a name ends in a §3.1 suffix that fixes the value's type (`_ref`, `_refs`, `_hex`, `_bin`). */
function hasTypedSuffix(key: string): boolean {
  return key.endsWith('_ref') || key.endsWith('_refs') || key.endsWith('_hex') || key.endsWith('_bin');
}

/** Checks a property the type's table does not define. `customType`: the object itself is a custom type. */
export function checkCustomProperty(key: string, value: unknown, ctx: Context, customType: boolean): void {
  if (CLEAN_NAMES.has(key)) return;
  const path = childPath('$', key);
  if (RESERVED.has(key)) {
    ctx.report('reserved-property-name', path, `Property name ${show(key)} is reserved and must not be used.`);
    return;
  }
  if (!isPropertyName(key)) {
    ctx.report('property-name', path, `Property name ${show(key)} must be 3–250 ASCII characters: a letter, then letters, digits or underscores.`);
  } else if (!customType && !ctx.toplevelExtension && !key.startsWith('x_')) {
    ctx.report('custom-property-prefix', path, `Property ${show(key)} is not defined for ${ctx.type}; custom properties should start with "x_" (or come from a toplevel-property-extension).`);
  }
  if (!hasTypedSuffix(key)) {
    if (CLEAN_NAMES.size < CLEAN_NAMES_MAX && key.startsWith('x_') && isPropertyName(key)) CLEAN_NAMES.add(key);
    return;
  }
  // §3.1 ties these suffixes to value types. A custom property is the producer's own, so a mismatch is a warning.
  const expected = suffixMismatch(key, value);
  if (expected !== null) {
    ctx.report('custom-property-value', path, `Custom property ${key} should hold ${expected} (its name says so), but holds ${show(value)}.`);
  }
}

function isId(v: unknown): boolean {
  return typeof v === 'string' && identifierSeparator(v) > 0;
}

/** What the name's suffix promises, when the value breaks that promise; null when it keeps it. */
function suffixMismatch(key: string, value: unknown): string | null {
  if (key.endsWith('_refs')) {
    return Array.isArray(value) && value.length > 0 && value.every(isId) ? null : 'a non-empty list of identifiers';
  }
  if (key.endsWith('_ref')) return isId(value) ? null : 'an identifier';
  if (key.endsWith('_hex')) return typeof value === 'string' && isHexString(value) ? null : 'lowercase hex';
  return typeof value === 'string' && isBase64(value) ? null : 'base64 binary';
}
