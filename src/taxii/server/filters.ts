// TAXII 2.1 §3.4 URL parameters as an ObjectQuery; malformed ones are a 400, unknown match fields are ignored (§3.4).
import type { ObjectQuery, VersionMatch } from '../../store/store.ts';
import { TaxiiError } from '../errors.ts';

export type FilterParam = 'added_after' | 'limit' | 'next' | 'match[id]' | 'match[type]' | 'match[version]' | 'match[spec_version]';

/** The filters of the objects and manifest endpoints (§5.3, §5.4). */
export const COLLECTION_FILTERS: FilterParam[] = ['added_after', 'limit', 'next', 'match[id]', 'match[type]', 'match[version]', 'match[spec_version]'];
/** Get an object (§5.6). */
export const OBJECT_FILTERS: FilterParam[] = ['added_after', 'limit', 'next', 'match[version]', 'match[spec_version]'];
/** Object versions (§5.8). */
export const VERSIONS_FILTERS: FilterParam[] = ['added_after', 'limit', 'next', 'match[spec_version]'];
/** Delete an object (§5.7). */
export const DELETE_FILTERS: FilterParam[] = ['match[version]', 'match[spec_version]'];

/** §2 timestamp; the strict reading also admits the STIX forms (millisecond or no fraction) clients commonly send. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

export function parseFilters(raw: Record<string, unknown>, allowed: FilterParam[], maxPageSize: number): ObjectQuery {
  const query: ObjectQuery = {};
  const single = (name: FilterParam): string | undefined => {
    const value = raw[name];
    if (value === undefined || !allowed.includes(name)) return undefined;
    if (Array.isArray(value)) throw bad(name, 'must not occur more than once (§3.4)');
    if (typeof value !== 'string' || value === '') throw bad(name, 'must have a value');
    return value;
  };
  const list = (name: FilterParam): string[] | undefined => {
    const value = single(name);
    if (value === undefined) return undefined;
    const values = value.split(',');
    if (values.some((v) => v === '')) throw bad(name, 'values are separated by single commas, without empty values');
    return values;
  };
  const addedAfter = single('added_after');
  if (addedAfter !== undefined) {
    if (!isTimestamp(addedAfter)) throw bad('added_after', `${JSON.stringify(addedAfter)} is not a timestamp such as 2026-01-01T00:00:00.000000Z`);
    query.addedAfter = addedAfter;
  }
  const limit = single('limit');
  if (limit !== undefined) {
    if (!/^[1-9]\d{0,15}$/.test(limit)) throw bad('limit', 'must be a positive integer');
    query.limit = Math.min(Number(limit), maxPageSize);
  } else {
    query.limit = maxPageSize;
  }
  const next = single('next');
  if (next !== undefined) query.cursor = next;
  const ids = list('match[id]');
  if (ids) query.ids = ids;
  const types = list('match[type]');
  if (types) query.types = types;
  const specVersions = list('match[spec_version]');
  if (specVersions) query.specVersions = specVersions;
  const versions = list('match[version]');
  if (versions) query.versions = versionMatch(versions);
  return query;
}

/** §3.4.1 match[version]: last, first, all, or timestamps, in any comma list without duplicates; `all` stands alone. */
export function versionMatch(values: string[]): VersionMatch {
  if (new Set(values).size !== values.length) throw bad('match[version]', 'must not repeat a value');
  if (values.includes('all')) {
    if (values.length > 1) throw bad('match[version]', 'all must not be combined with other versions');
    return 'all';
  }
  const modified = values.filter((v) => v !== 'first' && v !== 'last');
  for (const v of modified) if (!isTimestamp(v)) throw bad('match[version]', `${JSON.stringify(v)} is neither first, last, all nor a timestamp`);
  const first = values.includes('first');
  const latest = values.includes('last');
  if (modified.length === 0 && first !== latest) return first ? 'first' : 'latest';
  return { modified, first, latest };
}

function bad(param: string, problem: string): TaxiiError {
  return new TaxiiError('bad-parameter', `${param} ${problem}`, { parameter: param });
}
