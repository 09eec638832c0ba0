// Keeps a refreshed source from rewriting history: objects already stored keep their `created`, and get a new version only when their content changed.
//
// Converters are pure, so converting a newer copy of a list dates every object with the new list's date. Stored
// as is, that would make every unchanged indicator a new version and change `created`, which STIX 2.1 §3.2
// forbids across versions. Given the stored latest version, an unchanged object takes the stored dates (and so
// imports as a duplicate); a changed one keeps `created` (and `valid_from`, when it was first valid) and
// becomes a new version dated by the new list.
import { isDeepStrictEqual } from 'node:util';
import type { StixObject } from './stix-object.ts';

/** Properties a refresh re-dates; everything else is content. */
const DATES = ['created', 'modified', 'valid_from'] as const;

function content(object: Record<string, unknown>): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...object };
  for (const key of DATES) delete rest[key];
  return rest;
}

function later(a: string, b: string): string {
  // A new version must be strictly newer than the stored one, even if the list claims an older date.
  return Date.parse(a) > Date.parse(b) ? a : new Date(Date.parse(b) + 1).toISOString();
}

/** Re-dates one converted object against its stored latest version (null when not stored yet). */
export function carryOverDates(object: StixObject, stored: Record<string, unknown> | null): StixObject {
  if (stored === null || typeof stored.created !== 'string' || typeof object.created !== 'string') return object;
  if (isDeepStrictEqual(content(object), content(stored))) {
    const same: StixObject = { ...object };
    for (const key of DATES) if (typeof stored[key] === 'string') same[key] = stored[key];
    return same;
  }
  const next: StixObject = { ...object, created: stored.created };
  if (typeof stored.valid_from === 'string' && typeof object.valid_from === 'string') next.valid_from = stored.valid_from;
  if (typeof stored.modified === 'string' && typeof object.modified === 'string') next.modified = later(object.modified, stored.modified);
  return next;
}
