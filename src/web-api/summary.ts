// The short form of a stored object that lists, graphs and links show: id, type, a human name and its TLP.
import type { StoredVersion } from '../store/store.ts';
import type { TlpLevel } from '../stix/tlp.ts';

export interface ObjectSummary {
  id: string;
  type: string;
  name: string;
  tlp: TlpLevel | null;
  revoked: boolean;
  /** ATT&CK or other catalogue id (G0032, T1566.001), when the object has one. */
  externalId: string | null;
  modified: string | null;
  dateAdded: string;
}

const LABEL_KEYS = ['name', 'value', 'pattern', 'relationship_type', 'opinion', 'abstract', 'definition_type', 'number'];

export function nameOf(object: Record<string, unknown>): string {
  for (const key of LABEL_KEYS) {
    const value = object[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  if (object.type === 'sighting') return `sighting (${typeof object.count === 'number' ? object.count : 1}×)`;
  return String(object.type ?? '');
}

export function externalIdOf(object: Record<string, unknown>): string | null {
  const refs = object.external_references;
  if (!Array.isArray(refs)) return null;
  for (const ref of refs as Record<string, unknown>[]) {
    if (typeof ref.external_id === 'string' && ref.source_name !== 'capec') return ref.external_id;
  }
  return null;
}

export function summarize(version: StoredVersion, object: Record<string, unknown> = JSON.parse(version.json)): ObjectSummary {
  return {
    id: version.id,
    type: version.type,
    name: nameOf(object),
    tlp: version.tlp,
    revoked: version.revoked,
    externalId: externalIdOf(object),
    modified: version.modified,
    dateAdded: version.dateAdded,
  };
}
