// Translates an ObjectQuery into one SQLite SELECT over the versions table.
import type { ObjectQuery, Visibility } from '../store.ts';
import { versionKey } from '../version-key.ts';
import { InvalidCursorError } from '../errors.ts';
import { placeholders } from './chunks.ts';


export function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString();
  const seq = Number(text.slice(1));
  if (text[0] !== 's' || !Number.isSafeInteger(seq) || seq < 0) throw new InvalidCursorError(cursor);
  return seq;
}

export function buildQuery(
  query: ObjectQuery,
  addedAfterMicros: number | undefined,
  afterAdded: number | undefined,
): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly string[] | undefined, map = (v: string): unknown => v): void => {
    if (values === undefined) return;
    where.push(values.length === 0 ? '0' : `${column} IN (${placeholders(values.length)})`);
    params.push(...values.map(map));
  };
  // In a stored collection, versions, order and date_added are those of the collection's memberships.
  const inCollection = query.collection !== undefined;
  const flags = inCollection ? 'm' : 'v';
  const added = inCollection ? 'm.added' : 'v.seq';
  if (inCollection) {
    where.push('m.collection = ?');
    params.push(query.collection);
  }
  // Looking objects up by id must use the id indexes, not walk the collection or every latest version:
  // memberships carry the id, and a unary + keeps the planner off the is_latest/is_first index.
  inList(inCollection ? 'm.id' : 'v.id', query.ids);
  const flag = (name: string): string => `${query.ids ? '+' : ''}${flags}.${name} = 1`;
  inList('v.type', query.types);
  inList('v.spec_version', query.specVersions);
  versionFilters(query, where, params);
  const versions = query.versions ?? 'latest';
  if (versions === 'latest') where.push(flag('is_latest'));
  else if (versions === 'first') where.push(flag('is_first'));
  else if (versions !== 'all') {
    const any = versions.modified.length > 0 ? [`v.version_key IN (${placeholders(versions.modified.length)})`] : [];
    params.push(...versions.modified.map(versionKey));
    if (versions.first) any.push(flag('is_first'));
    if (versions.latest) any.push(flag('is_latest'));
    where.push(any.length === 0 ? '0' : `(${any.join(' OR ')})`);
  }
  if (versions === 'latest' && query.includeRevoked === false) where.push('v.revoked = 0');
  for (const after of [addedAfterMicros, afterAdded]) {
    if (after === undefined) continue;
    where.push(`${added} > ?`);
    params.push(after);
  }
  const members = query.ids ? 'memberships m INDEXED BY memberships_object' : 'memberships m';
  const from = inCollection ? `${members} JOIN versions v ON v.seq = m.seq` : 'versions v';
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return {
    sql: `SELECT ${added} AS added, ${VERSION_COLUMNS} FROM ${from} ${clause} ORDER BY ${added} LIMIT ?`,
    params,
  };
}

/** Conditions on one version `v` shared by object queries and search: creator, markings and visibility. */
export function versionFilters(
  query: Pick<ObjectQuery, 'createdBy' | 'markings' | 'visibility'>, where: string[], params: unknown[],
): void {
  if (query.createdBy !== undefined) {
    where.push(query.createdBy.length === 0 ? '0' : `v.created_by IN (${placeholders(query.createdBy.length)})`);
    params.push(...query.createdBy);
  }
  if (query.markings !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM edges e WHERE e.node IN (SELECT n FROM nodes WHERE id IN (${placeholders(query.markings.length) || "''"})) AND e.seq = v.seq AND e.via = (SELECT n FROM nodes WHERE id = 'object_marking_refs'))`);
    params.push(...query.markings);
  }
  if (query.visibility) {
    const visible = visibilityClause(query.visibility);
    where.push(visible.sql);
    params.push(...visible.params);
  }
}

export const VERSION_COLUMNS = 'v.seq, v.id, v.type, v.modified, v.spec_version, v.revoked, v.tlp, v.supplied_account, v.supplied_org, v.json';

/** TLP rules as SQL over one version `v`; see Visibility in store.ts. */
export function visibilityClause(visibility: Visibility): { sql: string; params: unknown[] } {
  const level = 'coalesce(v.tlp, ?)';
  const anyIn = (values: string[]): string => (values.length === 0 ? 'NULL' : placeholders(values.length));
  const recipient = (principals: string[]): string =>
    `EXISTS (SELECT 1 FROM recipients r WHERE r.id = v.id AND r.principal IN (${anyIn(principals)}))`;
  const sql = `(${level} IN (${anyIn(visibility.levels)})
    OR (${level} = 'amber+strict' AND (v.created_by IN (${anyIn(visibility.strictProducers)}) OR ${recipient(visibility.strictPrincipals)}))
    OR (${level} = 'red' AND ${recipient(visibility.redPrincipals)}))`;
  const params = [
    visibility.unmarked, ...visibility.levels,
    visibility.unmarked, ...visibility.strictProducers, ...visibility.strictPrincipals,
    visibility.unmarked, ...visibility.redPrincipals,
  ];
  return { sql, params };
}
