// Translates an ObjectQuery into one SQLite SELECT over the versions table.
import type { ObjectQuery } from '../store.ts';
import { versionKey } from '../version-key.ts';
import { InvalidCursorError } from '../errors.ts';


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
  afterSeq: number | undefined,
): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly string[] | undefined, map = (v: string): unknown => v): void => {
    if (values === undefined) return;
    where.push(values.length === 0 ? '0' : `${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values.map(map));
  };
  inList('id', query.ids);
  inList('type', query.types);
  inList('created_by', query.createdBy);
  inList('spec_version', query.specVersions);
  if (query.markings !== undefined) {
    const marks = query.markings.map(() => '?').join(', ');
    where.push(`EXISTS (SELECT 1 FROM edges e WHERE e.node IN (${marks || "''"}) AND e.seq = versions.seq AND e.via = 'object_marking_refs')`);
    params.push(...query.markings);
  }
  const versions = query.versions ?? 'latest';
  if (versions === 'latest') where.push('is_latest = 1');
  else if (versions === 'first') where.push('is_first = 1');
  else if (versions !== 'all') inList('version_key', versions.modified, versionKey);
  if (versions === 'latest' && query.includeRevoked === false) where.push('revoked = 0');
  if (addedAfterMicros !== undefined) {
    where.push('seq > ?');
    params.push(addedAfterMicros);
  }
  if (afterSeq !== undefined) {
    where.push('seq > ?');
    params.push(afterSeq);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return {
    sql: `SELECT seq, id, type, modified, spec_version, revoked, json FROM versions ${clause} ORDER BY seq LIMIT ?`,
    params,
  };
}
