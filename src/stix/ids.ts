// SCO deterministic identifiers (STIX 2.1 §2.9, §3.4): UUIDv5 over the JCS-canonical ID contributing properties.
import { createHash } from 'node:crypto';
import { SCO_ID_CONTRIBUTING } from './types/sco.ts';

/** The namespace the specification reserves for SCO deterministic ids (§2.9). */
export const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

const NAMESPACE_BYTES = Buffer.from(SCO_NAMESPACE.replace(/-/g, ''), 'hex');

/** RFC 4122 §4.3 name-based UUID with SHA-1 (version 5). */
export function uuidV5(name: string, namespace: Buffer = NAMESPACE_BYTES): string {
  const digest = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * JSON Canonicalization Scheme (RFC 8785): keys sorted by UTF-16 code units, no whitespace,
 * numbers in ECMAScript shortest form, strings escaped as JSON.stringify does (which matches §3.2.2.2).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('JCS cannot represent a non-finite number');
    return Object.is(value, -0) ? '0' : String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks for.
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
  }
  throw new TypeError(`JCS cannot represent a value of type ${typeof value}`);
}

/** Preference order for the single hash that contributes to an id when several are given. */
const HASH_PREFERENCE = ['MD5', 'SHA-1', 'SHA-256', 'SHA-512', 'SHA3-256', 'SHA3-512', 'SSDEEP', 'TLSH'];

function chooseOneHash(hashes: Record<string, unknown>): Record<string, unknown> {
  for (const algo of HASH_PREFERENCE) if (algo in hashes) return { [algo]: hashes[algo] };
  const first = Object.keys(hashes)[0];
  return first === undefined ? {} : { [first]: hashes[first] };
}

/**
 * The deterministic id an SCO would have under the default algorithm, or null when the type is not a
 * known SCO, when none of its ID contributing properties is present (then a UUIDv4 is required), or when
 * the contributing values cannot be canonicalised.
 */
export function computeScoId(obj: unknown): string | null {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return null;
  const o = obj as Record<string, unknown>;
  const type = o.type;
  if (typeof type !== 'string') return null;
  const props = SCO_ID_CONTRIBUTING.get(type);
  if (props === undefined || props.length === 0) return null;
  const name: Record<string, unknown> = {};
  let any = false;
  for (const p of props) {
    const v = o[p];
    if (v === undefined) continue;
    any = true;
    name[p] = p === 'hashes' && v !== null && typeof v === 'object' && !Array.isArray(v)
      ? chooseOneHash(v as Record<string, unknown>)
      : v;
  }
  if (!any) return null;
  try {
    return `${type}--${uuidV5(canonicalJson(name))}`;
  } catch {
    return null;
  }
}
