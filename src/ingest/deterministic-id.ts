// Name-based identifiers, so converting the same source twice yields the same objects.
import { createHash } from 'node:crypto';

/**
 * Tocsin's own UUIDv5 namespace for objects its converters derive from a source (`source + value`).
 * A fixed random UUID: changing it would give every converted object a new id, so it never changes.
 */
export const TOCSIN_NAMESPACE = '05be92ce-87f1-415e-a5c5-818d8653b15d';

/** The namespace STIX 2.1 §2.9 fixes for SCO ids; used for the custom `cryptocurrency-wallet` SCO too. */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** RFC 4122 §4.3 version-5 UUID (SHA-1) of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  return nameUuid(namespace, name, 0x50);
}

function nameUuid(namespace: string, name: string, version: number): string {
  const digest = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  digest[6] = (digest[6]! & 0x0f) | version;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * `type--UUID` over the parts joined by a separator no part contains in practice (U+001F), so
 * (`a:b`, `c`) and (`a`, `b:c`) cannot collide. STIX 2.1 §2.9 asks SDO and SRO ids to be version 4, so the
 * UUID carries version 4 with its 122 bits taken from the SHA-1 name hash instead of a random source: as
 * unpredictable to others as a random UUID, yet stable across runs.
 */
export function deterministicId(type: string, ...parts: string[]): string {
  return `${type}--${nameUuid(TOCSIN_NAMESPACE, [type, ...parts].join('\u001f'), 0x40)}`;
}
