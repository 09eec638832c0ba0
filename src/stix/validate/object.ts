// validateObject: one STIX object against the model tables, the common rules and its type's MUSTs.
import { computeScoId } from '../ids.ts';
import { makeProblem, type Problem } from '../problem.ts';
import * as types from '../types/index.ts';
import type { TypeSpec } from '../types/model.ts';
import { Context, childPath, isPlainObject, jsonType, show } from './context.ts';
import * as custom from './custom.ts';
import { extensionTypesOf } from './extensions.ts';
import * as lexical from './lexical.ts';
import { META_RULES } from './meta-rules.ts';
import { SCO_RULES } from './sco-rules.ts';
import { SDO_RULES } from './sdo-rules.ts';
import { SRO_RULES } from './sro-rules.ts';
import * as timeOrder from './time-order.ts';
import * as values from './values.ts';

// Local bindings: the CommonJS form tsx compiles to re-reads imported bindings through getters on every use.
const { COMMON_PROPERTIES, SCO_ID_CONTRIBUTING, TYPES } = types;
const { identifierSeparator, isLanguageTag, typedIdVersion } = lexical;
const { checkValue } = values;
const { checkCustomProperty, customTypeSpec } = custom;
const { checkPair } = timeOrder;
const TYPE_RULES = new Map([...SDO_RULES, ...SRO_RULES, ...SCO_RULES, ...META_RULES]);

function checkId(ctx: Context, spec: TypeSpec, obj: Record<string, unknown>): void {
  const id = obj.id;
  if (id === undefined) return; // reported as a missing required property
  if (typeof id !== 'string') {
    ctx.report('property-type', '$.id', `Expected an identifier string at $.id, got ${jsonType(id)} ${show(id)}.`, '2.9');
    return;
  }
  const version = typedIdVersion(id, ctx.type);
  if (version < 0) badId(ctx, id);
  else if (spec.category === 'sco') {
    const expected = computeScoId(obj);
    if (expected !== null && expected !== id) {
      ctx.report('sco-id-mismatch', '$.id', `id ${show(id)} differs from ${expected}, the UUIDv5 of its ID contributing properties.`, '3.4');
    } else if (expected === id && (obj.created !== undefined || obj.modified !== undefined)) {
      ctx.report('sco-versioned-namespace', '$.id', `id ${show(id)} is the default-namespace UUIDv5, but this ${ctx.type} is versioned (created/modified); versioned SCOs must use another namespace.`);
    } else if (expected === null && version !== 4 && SCO_ID_CONTRIBUTING.has(ctx.type)) {
      ctx.report('sco-id-version', '$.id', `id ${show(id)} uses a version ${version} UUID, but a ${ctx.type} without ID contributing properties must use UUIDv4.`);
    }
  } else if (version !== 4) {
    ctx.report('id-uuid-version', '$.id', `id ${show(id)} uses a version ${version} UUID; ${spec.category === 'bundle' ? 'bundles' : 'this object type'} should use UUIDv4.`);
  }
}

/** Says why an id is not `<this type>--UUID`. */
function badId(ctx: Context, id: string): void {
  const sep = identifierSeparator(id);
  if (sep < 0) {
    ctx.report('id-format', '$.id', `id ${show(id)} is not of the form type--UUID with an RFC 4122 UUID.`);
    return;
  }
  ctx.report('id-type-mismatch', '$.id', `id ${show(id)} has type prefix ${show(id.slice(0, sep))} but the object type is ${show(ctx.type)}.`);
}

function reportMissing(ctx: Context, spec: TypeSpec, obj: Record<string, unknown>): void {
  for (const name of spec.required) {
    if (obj[name] === undefined) {
      ctx.report('required-property', childPath('$', name), `${ctx.type} ${ctx.objectId ?? '(no id)'} is missing required property ${name}.`, spec.section === '11.2' ? '3.2' : spec.section);
    }
  }
}

function hasToplevelExtension(obj: Record<string, unknown>): boolean {
  return extensionTypesOf(obj.extensions)?.includes('toplevel-property-extension') ?? false;
}

/** Core of validateObject, for a JSON object with a string type. */
export function validateTyped(obj: Record<string, unknown>, type: string): Problem[] {
  const id = typeof obj.id === 'string' ? obj.id : null;
  const known = TYPES.get(type) ?? null;
  const ctx = new Context(id, type, obj, known);
  const spec = known ?? customTypeSpec(type, obj, ctx);
  const custom = known === null;
  ctx.toplevelExtension = hasToplevelExtension(obj);
  const entries = spec.entries;
  let requiredSeen = 0;

  for (const key in obj) {
    const value = obj[key];
    const entry = entries.get(key);
    if (entry !== undefined) {
      if (entry.required && value !== undefined) requiredSeen++;
      if (key !== 'type' && key !== 'id') checkValue(entry.kind, value, entry.path, ctx);
    } else {
      const common = COMMON_PROPERTIES.get(key);
      if (common !== undefined) {
        if (key === 'defanged') {
          ctx.report('defanged-not-sco', '$.defanged', `defanged must only be used on SCOs, not on a ${type}.`);
        } else {
          ctx.report('property-not-applicable', childPath('$', key), `Common property ${key} is not applicable to ${type} objects.`);
        }
        checkValue(common, value, childPath('$', key), ctx);
      } else {
        checkCustomProperty(key, value, ctx, custom);
      }
    }
    if (key.charCodeAt(key.length - 1) === 99 && key.endsWith('_enc') && obj[key.slice(0, -4)] === undefined) {
      ctx.report('enc-without-base', childPath('$', key), `${key} is present without ${key.slice(0, -4)}, the property whose encoding it names.`);
    }
  }
  // Keys are unique, so counting the required ones met in the loop tells whether any is missing.
  if (requiredSeen < spec.required.length) reportMissing(ctx, spec, obj);
  checkId(ctx, spec, obj);
  const sv = obj.spec_version;
  if (sv !== undefined && sv !== '2.1') {
    ctx.report('spec-version', '$.spec_version', `spec_version ${show(sv)} is not "2.1".`);
  }
  const lang = obj.lang;
  if (typeof lang === 'string' && !isLanguageTag(lang)) {
    ctx.report('lang-format', '$.lang', `lang ${show(lang)} is not an RFC 5646 language tag.`);
  }
  checkPair(ctx, 'created', obj.created, 'modified', obj.modified, false, '3.6.1');
  TYPE_RULES.get(type)?.(ctx);
  return ctx.problems;
}

/**
 * Validates one STIX object. Pure: never throws, never mutates; returns every problem found (empty when valid).
 */
export function validateObject(obj: unknown): Problem[] {
  try {
    if (!isPlainObject(obj)) {
      return [makeProblem('not-an-object', null, '$', `Expected a STIX object (JSON object), got ${jsonType(obj)} ${show(obj)}.`)];
    }
    const type = obj.type;
    if (typeof type !== 'string') {
      const id = typeof obj.id === 'string' ? obj.id : null;
      return type === undefined
        ? [makeProblem('required-property', id, '$.type', 'The object has no type property.', '3.2')]
        : [makeProblem('property-type', id, '$.type', `type must be a string, got ${jsonType(type)} ${show(type)}.`, '3.2')];
    }
    return validateTyped(obj, type);
  } catch (err) {
    // Defensive: a validator bug must not take the importer down with it.
    const id = isPlainObject(obj) && typeof obj.id === 'string' ? obj.id : null;
    return [makeProblem('validator-failure', id, '$', `Validation could not complete: ${(err as Error).message}.`)];
  }
}
