// The embedded Store: one SQLite file in WAL mode through better-sqlite3.
import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import type {
  Edge, ObjectQuery, Page, PutItem, PutOutcome, Store, StoredVersion, TypeCount, WriteBatch,
} from '../store.ts';
import { edgesOf, indexedEdges } from '../references.ts';
import { formatMicros, parseMicros, versionKey } from '../version-key.ts';
import { SCHEMA, SCHEMA_VERSION } from './schema.ts';
import { buildQuery, decodeCursor, encodeCursor } from './query.ts';
import { InvalidTimestampError, StoreSchemaError } from '../errors.ts';

interface VersionRow {
  seq: number;
  id: string;
  type: string;
  modified: string | null;
  spec_version: string;
  revoked: number;
  json: string;
}

interface EndRow {
  seq: number;
  version_key: string;
  revoked: number;
  is_latest: number;
  is_first: number;
}

export class SqliteStore implements Store {
  readonly #db: Db;
  readonly #statements: ReturnType<typeof prepare>;
  readonly #putAll: (items: PutItem[]) => PutOutcome[];
  #lastAdded: number;

  constructor(readonly file: string) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    // FULL: a transaction reported as committed is on disk, even if the machine loses power next.
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('foreign_keys = ON');
    // Imports touch several indexes at random places; a larger page cache keeps them from spilling.
    this.#db.pragma('cache_size = -65536');
    migrate(this.#db, file);
    this.#statements = prepare(this.#db);
    const max = this.#statements.maxAdded.get() as { max: number | null };
    this.#lastAdded = max.max ?? 0;
    this.#putAll = this.#db.transaction((items: PutItem[]) => items.map((item) => this.#putOne(item)));
  }

  async put(items: PutItem[]): Promise<PutOutcome[]> {
    return this.#putAll(items);
  }

  async begin(): Promise<WriteBatch> {
    this.#db.exec('BEGIN IMMEDIATE');
    let open = true;
    const finish = (sql: string): void => {
      if (!open) return;
      open = false;
      this.#db.exec(sql);
    };
    return {
      put: async (items) => items.map((item) => this.#putOne(item)),
      commit: async () => finish('COMMIT'),
      rollback: async () => finish('ROLLBACK'),
    };
  }


  #putOne(item: PutItem): PutOutcome {
    const object = item.object;
    const id = object.id as string;
    const modified = typeof object.modified === 'string' ? object.modified : null;
    const key = modified === null ? '' : versionKey(modified);
    const s = this.#statements;
    if (s.exists.get(id, key)) return 'duplicate';
    const ends = s.ends.all(id) as EndRow[];
    const latest = ends.find((row) => row.is_latest === 1);
    const first = ends.find((row) => row.is_first === 1);
    if (latest && latest.revoked === 1 && key > latest.version_key) return 'after-revocation';
    const isLatest = !latest || key > latest.version_key;
    const isFirst = !first || key < first.version_key;
    if (isLatest && latest) s.clearLatest.run(latest.seq);
    if (isFirst && first) s.clearFirst.run(first.seq);
    this.#lastAdded = Math.max(Date.now() * 1000, this.#lastAdded + 1);
    const createdBy = typeof object.created_by_ref === 'string' ? object.created_by_ref : null;
    const specVersion = typeof object.spec_version === 'string' ? object.spec_version : '2.1';
    const seq = this.#lastAdded;
    s.insert.run(
      seq, id, object.type, key, modified, specVersion, createdBy,
      object.revoked === true ? 1 : 0, isLatest ? 1 : 0, isFirst ? 1 : 0, item.json ?? JSON.stringify(object),
    );
    for (const { node, edge } of indexedEdges(object)) {
      s.insertEdge.run(node, seq, edge.source, edge.target, edge.via, edge.through ?? '');
    }
    return latest ? 'new-version' : 'new-object';
  }

  async query(query: ObjectQuery): Promise<Page> {
    const addedAfter = query.addedAfter === undefined ? undefined : parseMicros(query.addedAfter);
    if (addedAfter !== undefined && Number.isNaN(addedAfter)) throw new InvalidTimestampError('addedAfter', query.addedAfter!);
    const { sql, params } = buildQuery(query, addedAfter, decodeCursor(query.cursor));
    const limit = query.limit ?? Number.MAX_SAFE_INTEGER;
    const rows = this.#db.prepare(sql).all(...params, Math.min(limit + 1, Number.MAX_SAFE_INTEGER)) as VersionRow[];
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    return { versions: page.map(toVersion), next: more ? encodeCursor(page[page.length - 1]!.seq) : null };
  }

  async get(id: string, version: 'latest' | 'first' | 'all' | string = 'latest'): Promise<StoredVersion[]> {
    const s = this.#statements;
    let rows: VersionRow[];
    if (version === 'latest') rows = s.latest.all(id) as VersionRow[];
    else if (version === 'first') rows = s.first.all(id) as VersionRow[];
    else if (version === 'all') rows = s.all.all(id) as VersionRow[];
    else rows = s.one.all(id, versionKey(version)) as VersionRow[];
    return rows.map(toVersion);
  }

  async edges(id: string): Promise<Edge[]> {
    const incoming = this.#statements.edges.all(id) as { source: string; target: string; via: string; through: string }[];
    const [latest] = this.#statements.latest.all(id) as VersionRow[];
    const outgoing = latest ? edgesOf(JSON.parse(latest.json) as Record<string, unknown>) : [];
    const unique = new Map<string, Edge>();
    for (const e of outgoing) unique.set(`${e.source} ${e.via} ${e.target} ${e.through ?? ''}`, e);
    for (const row of incoming) {
      const edge: Edge = row.through === ''
        ? { source: row.source, target: row.target, via: row.via }
        : { source: row.source, target: row.target, via: row.via, through: row.through };
      unique.set(`${row.source} ${row.via} ${row.target} ${row.through}`, edge);
    }
    return [...unique.values()];
  }

  async counts(): Promise<TypeCount[]> {
    return this.#statements.counts.all() as TypeCount[];
  }

  async getSetting(key: string): Promise<string | null> {
    const row = this.#statements.getSetting.get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.#statements.setSetting.run(key, value);
  }

  async close(): Promise<void> {
    if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
    this.#db.close();
  }
}

function migrate(db: Db, file: string): void {
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > SCHEMA_VERSION) throw new StoreSchemaError(file, found, SCHEMA_VERSION);
  if (found < SCHEMA_VERSION) {
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
}

const COLUMNS = 'seq, id, type, modified, spec_version, revoked, json';

function prepare(db: Db): Record<string, Statement> {
  return {
    exists: db.prepare('SELECT 1 FROM versions WHERE id = ? AND version_key = ?'),
    ends: db.prepare(
      'SELECT seq, version_key, revoked, is_latest, is_first FROM versions WHERE id = ? AND (is_latest = 1 OR is_first = 1)',
    ),
    clearLatest: db.prepare('UPDATE versions SET is_latest = 0 WHERE seq = ?'),
    clearFirst: db.prepare('UPDATE versions SET is_first = 0 WHERE seq = ?'),
    insert: db.prepare(
      `INSERT INTO versions (seq, id, type, version_key, modified, spec_version, created_by, revoked, is_latest, is_first, json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertEdge: db.prepare('INSERT OR IGNORE INTO edges (node, seq, source, target, via, through) VALUES (?, ?, ?, ?, ?, ?)'),
    maxAdded: db.prepare('SELECT max(seq) AS max FROM versions'),
    latest: db.prepare(`SELECT ${COLUMNS} FROM versions WHERE id = ? AND is_latest = 1`),
    first: db.prepare(`SELECT ${COLUMNS} FROM versions WHERE id = ? AND is_first = 1`),
    all: db.prepare(`SELECT ${COLUMNS} FROM versions WHERE id = ? ORDER BY version_key`),
    one: db.prepare(`SELECT ${COLUMNS} FROM versions WHERE id = ? AND version_key = ?`),
    edges: db.prepare(
      `SELECT e.source, e.target, e.via, e.through FROM edges e JOIN versions v ON v.seq = e.seq
       WHERE e.node = ? AND v.is_latest = 1`,
    ),
    counts: db.prepare('SELECT type, count(*) AS count FROM versions WHERE is_latest = 1 GROUP BY type ORDER BY type'),
    getSetting: db.prepare('SELECT value FROM settings WHERE key = ?'),
    setSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}

function toVersion(row: VersionRow): StoredVersion {
  return {
    id: row.id,
    type: row.type,
    modified: row.modified,
    specVersion: row.spec_version,
    dateAdded: formatMicros(row.seq),
    revoked: row.revoked === 1,
    json: row.json,
  };
}
