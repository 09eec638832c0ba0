// Checks a value against its property kind (§2 data types); the table-driven core of validation.
import type { Kind, Shape } from '../types/model.ts';
import type { Context } from './context.ts';
import { checkExtensions } from './extensions.ts';
import { checkExternalReference } from './external-references.ts';
import { checkHashes } from './hashes.ts';
import * as lexical from './lexical.ts';
import * as context from './context.ts';
import { checkGranularMarking } from './markings.ts';

// Local bindings for the helpers of the two leaf modules this one calls per value: the CommonJS form tsx compiles
// to re-reads an imported binding through a getter on every use, which is measurable at this call rate.
const { identifierSeparator, isBase64, isDictionaryKey, isHexString, isPropertyName, timestampFraction, typedIdVersion } = lexical;
const { at, childPath, isPlainObject, jsonType, show } = context;

const MAX_INT = 2 ** 53 - 1;

function wrongType(ctx: Context, path: string, expected: string, value: unknown, spec: string): void {
  ctx.report('property-type', path, `Expected ${expected} at ${path}, got ${jsonType(value)} ${show(value)}.`, spec);
}

/** An identifier reference; returns the referenced type, or null when the value is not an identifier. */
export function checkRef(
  value: unknown, targets: readonly string[] | null, path: string, ctx: Context, section?: string, idx = -1,
): boolean {
  if (typeof value !== 'string') {
    wrongType(ctx, at(path, idx), 'an identifier string', value, '2.9');
    return false;
  }
  if (targets !== null) {
    for (let i = 0; i < targets.length; i++) if (typedIdVersion(value, targets[i]!) >= 0) return true;
  }
  const sep = identifierSeparator(value);
  if (sep < 0) {
    ctx.report('ref-format', at(path, idx), `Reference ${show(value)} is not an identifier of the form type--UUID.`);
    return false;
  }
  if (targets === null) return true;
  const p = at(path, idx);
  ctx.report('ref-target-type', p,
    `Reference ${show(value)} points at a ${value.slice(0, sep)}, but ${p} allows only ${targets.join(', ')}.`,
    section ?? ctx.typeSection);
  return false;
}

export function checkTimestamp(value: unknown, ms: boolean, path: string, ctx: Context): void {
  if (typeof value !== 'string') {
    wrongType(ctx, path, 'a timestamp string', value, '2.16');
    return;
  }
  const fraction = timestampFraction(value);
  if (fraction < 0) {
    ctx.badTimestamp = true;
    ctx.report('timestamp-format', path, `Timestamp ${show(value)} is not RFC 3339 UTC of the form YYYY-MM-DDTHH:mm:ss[.s+]Z.`);
  } else if (ms && fraction < 3) {
    ctx.report('timestamp-precision', path, `Timestamp ${show(value)} at ${path} needs at least millisecond precision (e.g. .000).`);
  }
}

function checkNumber(kind: Kind & { kind: 'integer' | 'float' }, value: unknown, path: string, ctx: Context): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    wrongType(ctx, path, kind.kind === 'integer' ? 'an integer' : 'a number', value, kind.kind === 'integer' ? '2.10' : '2.6');
    return;
  }
  if (kind.kind === 'integer' && (!Number.isInteger(value) || value > MAX_INT || value < -MAX_INT)) {
    wrongType(ctx, path, 'an integer representable in 54 bits', value, '2.10');
    return;
  }
  if ((kind.min !== undefined && value < kind.min) || (kind.max !== undefined && value > kind.max)) {
    const range = kind.max === undefined ? `at least ${kind.min}` : kind.min === undefined ? `at most ${kind.max}` : `${kind.min}–${kind.max}`;
    ctx.report('value-range', path, `Value ${value} at ${path} is out of range; it must be ${range}.`, kind.section ?? ctx.typeSection);
  }
}

const KILL_CHAIN_PROPS = ['kill_chain_name', 'phase_name'];

function checkKillChainPhase(value: unknown, path: string, ctx: Context, idx: number): void {
  if (!isPlainObject(value)) return wrongType(ctx, at(path, idx), 'a kill-chain-phase object', value, '2.11');
  for (const p of KILL_CHAIN_PROPS) {
    const v = value[p];
    if (typeof v === 'string') continue;
    const base = at(path, idx);
    if (v === undefined) ctx.report('required-property', `${base}.${p}`, `Kill chain phase at ${base} is missing ${p}.`, '2.11');
    else wrongType(ctx, `${base}.${p}`, 'a string', v, '2.11');
  }
}

function checkDictionary(valueKind: Kind | undefined, value: unknown, path: string, ctx: Context): void {
  if (!isPlainObject(value)) return wrongType(ctx, path, 'a dictionary (JSON object)', value, '2.3');
  let empty = true;
  for (const key in value) {
    empty = false;
    if (!isDictionaryKey(key)) {
      ctx.report('dictionary-key', childPath(path, key),
        `Dictionary key ${show(key)} must be at most 250 ASCII letters, digits, hyphens or underscores.`);
    }
    if (valueKind !== undefined) checkValue(valueKind, value[key], childPath(path, key), ctx);
  }
  if (empty) ctx.report('empty-dictionary', path, `The dictionary at ${path} is empty; omit the property instead.`);
}

/** Checks a nested object against a shape: required properties, known kinds, names of additional ones. */
export function checkShape(shape: Shape, value: unknown, path: string, ctx: Context): void {
  if (!isPlainObject(value)) return wrongType(ctx, path, `a ${shape.name} object`, value, shape.section);
  for (const key in value) {
    const kind = shape.props.get(key);
    const p = childPath(path, key);
    if (kind !== undefined) checkValue(kind, value[key], p, ctx);
    else if (!isPropertyName(key)) {
      ctx.report('property-name', p, `Property name ${show(key)} in ${shape.name} breaks the naming rules (3–250 chars: a lowercase letter, then a-z, 0-9 or underscore).`);
    }
  }
  for (const name of shape.required) {
    if (value[name] === undefined) {
      ctx.report('required-property', childPath(path, name), `${shape.name} at ${path} is missing required property ${name}.`, shape.section);
    }
  }
}

/** Checks one value against one kind; `idx` >= 0 means the value is item `idx` of the list at `path`. */
export function checkValue(kind: Kind, value: unknown, path: string, ctx: Context, idx = -1): void {
  // Cases in order of frequency in real bundles (references, timestamps and strings dominate).
  switch (kind.kind) {
    case 'ref':
      checkRef(value, kind.targets, path, ctx, kind.section, idx);
      return;
    case 'timestamp':
      return checkTimestamp(value, kind.ms, at(path, idx), ctx);
    case 'string':
      if (typeof value !== 'string') wrongType(ctx, at(path, idx), 'a string', value, '2.15');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') wrongType(ctx, at(path, idx), 'a boolean', value, '2.2');
      return;
    case 'integer':
    case 'float':
      return checkNumber(kind, value, at(path, idx), ctx);
    case 'list': {
      if (idx >= 0) path = at(path, idx);
      if (!Array.isArray(value)) return wrongType(ctx, path, 'a list', value, '2.12');
      if (value.length === 0) {
        ctx.report('empty-list', path, `The list at ${path} is empty; lists must have at least one value.`);
        return;
      }
      const of = kind.of;
      for (let i = 0; i < value.length; i++) checkValue(of, value[i], path, ctx, i);
      return;
    }
    case 'enum':
      if (idx >= 0) path = at(path, idx);
      if (typeof value !== 'string') return wrongType(ctx, path, 'a string', value, '2.4');
      if (!kind.vocab.values.has(value)) {
        ctx.report('enum-value', path, `Value ${show(value)} at ${path} is not in ${kind.vocab.name} (${[...kind.vocab.values].join(', ')}).`, kind.vocab.section);
      }
      return;
    case 'vocab':
      if (idx >= 0) path = at(path, idx);
      if (typeof value !== 'string') return wrongType(ctx, path, 'a string', value, '2.14');
      if (!kind.vocab.values.has(value)) {
        ctx.report('vocab-value', path, `Value ${show(value)} at ${path} is not in the suggested vocabulary ${kind.vocab.name}.`, kind.vocab.section);
      }
      return;
    case 'hashes':
      return checkHashes(value, at(path, idx), ctx);
    case 'dictionary':
      return checkDictionary(kind.values, value, at(path, idx), ctx);
    case 'binary':
      if (idx >= 0) path = at(path, idx);
      if (typeof value !== 'string') return wrongType(ctx, path, 'a base64 string', value, '2.1');
      if (!isBase64(value)) ctx.report('binary-format', path, `Value ${show(value)} at ${path} is not valid base64.`);
      return;
    case 'hex':
      if (idx >= 0) path = at(path, idx);
      if (typeof value !== 'string') return wrongType(ctx, path, 'a hex string', value, '2.8');
      if (!isHexString(value)) ctx.report('hex-format', path, `Value ${show(value)} at ${path} is not an even number of lowercase hex digits.`);
      return;
    case 'kill-chain-phase':
      return checkKillChainPhase(value, path, ctx, idx);
    case 'external-reference':
      return checkExternalReference(value, path, ctx, idx);
    case 'granular-marking':
      return checkGranularMarking(value, at(path, idx), ctx);
    case 'extensions':
      return checkExtensions(value, at(path, idx), ctx);
    case 'object':
      return checkShape(kind.shape, value, at(path, idx), ctx);
    case 'any':
      return;
    default:
      return assertNever(kind);
  }
}

function assertNever(x: never): never {
  throw new TypeError(`unhandled property kind ${JSON.stringify(x)}`);
}
