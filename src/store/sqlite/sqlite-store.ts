// The embedded Store: one SQLite file in WAL mode through better-sqlite3.
import type { Database as Db, Statement } from 'better-sqlite3';
import type {
  Edge, JsonPage, LatestJsonQuery, ObjectQuery, Page, PutItem, PutOptions, PutOutcome, SearchQuery, SearchResult, Store, StoredVersion, TypeCount, VersionMatch, VersionRef, WriteBatch,
} from '../store.ts';
import { edgesOf } from '../references.ts';
import { formatMicros, parseMicros, versionKey } from '../version-key.ts';
import { openConnection } from './connection.ts';
import { toWriteRows } from './write-row.ts';
import { WriterClient } from './writer-client.ts';
import { Checkpointer } from './checkpointer.ts';
import type { WriteBatchRows } from './writer-protocol.ts';
import { placeholders } from './chunks.ts';
import { buildQuery, decodeCursor, encodeCursor, VERSION_COLUMNS, versionFilters } from './query.ts';
import { searchExpression } from '../search-document.ts';
import type { TlpLevel } from '../../stix/tlp.ts';
import type { Removal } from './version-writer.ts';
import { InvalidTimestampError } from '../errors.ts';

interface VersionRow {
  /** When the version was added to the queried collection; absent outside collections. */
  added?: number;
  seq: number;
  id: string;
  type: string;
  modified: string | null;
  spec_version: string;
  revoked: number;
  tlp: TlpLevel | null;
  supplied_account: string | null;
  supplied_org: string | null;
  json: string;
}

export class SqliteStore implements Store {
  readonly #db: Db;
  readonly #statements: ReturnType<typeof prepare>;
  readonly #writer: WriterClient;
  readonly #checkpointer: Checkpointer;
  readonly #cache = new Map<string, Statement>();
  /** Settles when the open write batch ends; other writes wait so they cannot join (and share the fate of) it. */
  #batchEnded: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {
    this.#db = openConnection(file);
    this.#statements = prepare(this.#db);
    this.#writer = new WriterClient(file);
    this.#checkpointer = new Checkpointer(file);
  }

  /**
   * Queries are built from their filters, so their SQL varies; the same shapes recur (every TAXII page of a
   * collection), so prepared statements are kept by their text, a bounded number of them.
   */
  #prepared(sql: string): Statement {
    let statement = this.#cache.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      if (this.#cache.size >= 256) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(sql, statement);
    }
    return statement;
  }

  prepareWrites(): void {
    this.#writer.start();
  }

  async put(items: PutItem[], options: PutOptions = {}): Promise<PutOutcome[]> {
    // Rows first: the caller's parsed objects are then free to go while this waits its turn.
    const batch = toWriteRows(items);
    await this.#batchEnded;
    return this.#send(batch, options.more === true);
  }

  /** Hands a batch to the writer thread; its JSON buffer goes with it, not copied. */
  async #send(batch: WriteBatchRows, more: boolean): Promise<PutOutcome[]> {
    const bytes = batch.json.length;
    const outcomes = await this.#writer.send<PutOutcome[]>({ op: 'put', batch, more }, [batch.json.buffer as ArrayBuffer]);
    this.#checkpointer.committed(bytes);
    return outcomes;
  }

  async begin(): Promise<WriteBatch> {
    await this.#batchEnded;
    let end!: () => void;
    this.#batchEnded = new Promise((resolve) => { end = resolve; });
    await this.#writer.send({ op: 'begin' });
    let open = true;
    const finish = async (op: 'commit' | 'rollback'): Promise<void> => {
      if (!open) return;
      open = false;
      try {
        await this.#writer.send({ op });
      } finally {
        end();
      }
    };
    return {
      put: (items) => this.#send(toWriteRows(items), false),
      commit: () => finish('commit'),
      rollback: () => finish('rollback'),
    };
  }

  async query(query: ObjectQuery): Promise<Page> {
    const addedAfter = query.addedAfter === undefined ? undefined : parseMicros(query.addedAfter);
    if (addedAfter !== undefined && Number.isNaN(addedAfter)) throw new InvalidTimestampError('addedAfter', query.addedAfter!);
    const { sql, params } = buildQuery(query, addedAfter, decodeCursor(query.cursor));
    const limit = query.limit ?? Number.MAX_SAFE_INTEGER;
    const rows = this.#prepared(sql).all(...params, Math.min(limit + 1, Number.MAX_SAFE_INTEGER)) as VersionRow[];
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    return { versions: page.map(toVersion), next: more ? encodeCursor(page[page.length - 1]!.added!) : null };
  }

  async latestJson(query: LatestJsonQuery): Promise<JsonPage> {
    const addedAfter = query.addedAfter === undefined ? 0 : parseMicros(query.addedAfter);
    if (Number.isNaN(addedAfter)) throw new InvalidTimestampError('addedAfter', query.addedAfter!);
    const from = Math.max(addedAfter, decodeCursor(query.cursor) ?? 0);
    // Served by the (is_latest, type) index, whose entries for one type are in seq order.
    const rows = this.#prepared(`SELECT seq, json FROM versions WHERE is_latest = 1 AND type IN (${placeholders(query.types.length)})
      AND seq > ? ORDER BY seq LIMIT ?`).raw().all(...query.types, from, query.limit + 1) as [number, string][];
    const more = rows.length > query.limit;
    if (more) rows.length = query.limit;
    const last = rows.length > 0 ? rows[rows.length - 1]![0] : null;
    return {
      json: rows.map((row) => row[1]),
      lastAdded: last === null ? null : formatMicros(last),
      next: more && last !== null ? encodeCursor(last) : null,
    };
  }

  async hasVersions(versions: readonly VersionRef[]): Promise<boolean[]> {
    const stored = new Map<string, string[]>();
    const ids = [...new Set(versions.map((v) => v.id))];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.#prepared(`SELECT id, version_key FROM versions WHERE id IN (${placeholders(chunk.length)})`)
        .all(...chunk) as { id: string; version_key: string }[];
      for (const row of rows) {
        const keys = stored.get(row.id);
        if (keys === undefined) stored.set(row.id, [row.version_key]);
        else keys.push(row.version_key);
      }
    }
    // Most objects of a first import are new: their version keys are not worked out at all.
    return versions.map((v) => stored.get(v.id)?.includes(v.modified === null ? '' : versionKey(v.modified)) ?? false);
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
    const filed = this.#statements.edges.all(id, id) as FiledEdge[];
    const [latest] = this.#statements.latest.all(id) as VersionRow[];
    const outgoing = latest ? edgesOf(JSON.parse(latest.json) as Record<string, unknown>) : [];
    const unique = new Map<string, Edge>();
    for (const edge of [...outgoing, ...filed.map((row) => edgeFiledUnder(id, row))]) {
      unique.set(`${edge.source} ${edge.via} ${edge.target} ${edge.through ?? ''}`, edge);
    }
    return [...unique.values()];
  }

  async removeFromCollection(collection: string, id: string, versions: VersionMatch = 'all'): Promise<number> {
    await this.#batchEnded;
    const removal: Removal = typeof versions === 'string'
      ? { collection, id, which: versions, versionKeys: null }
      : { collection, id, which: 'keys', versionKeys: versions.modified.map(versionKey) };
    return this.#writer.send<number>({ op: 'remove', removal });
  }

  async setRecipients(id: string, principals: string[]): Promise<void> {
    await this.#batchEnded;
    await this.#writer.send({ op: 'set-recipients', id, principals });
  }

  async recipients(id: string): Promise<string[]> {
    return (this.#statements.recipients.all(id) as { principal: string }[]).map((row) => row.principal);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const expression = searchExpression(query.text);
    if (expression === null) return { hits: [], facets: [] };
    // Writes are indexed behind the import; catch up first so that a search sees everything stored.
    await this.#batchEnded;
    await this.#writer.send<number>({ op: 'index-search' });
    const where = ['search MATCH ?'];
    const params: unknown[] = [expression];
    if (query.includeRevoked !== true) where.push('v.revoked = 0');
    versionFilters(query, where, params);
    if (query.addedAfter !== undefined) {
      const after = parseMicros(query.addedAfter);
      if (Number.isNaN(after)) throw new InvalidTimestampError('addedAfter', query.addedAfter);
      where.push('v.seq > ?');
      params.push(after);
    }
    const from = `FROM search JOIN versions v ON v.seq = search.rowid WHERE ${where.join(' AND ')}`;
    const facets = this.#prepared(`SELECT v.type AS type, count(*) AS count ${from} GROUP BY v.type ORDER BY count DESC, v.type`)
      .all(...params) as TypeCount[];
    const types = query.types ?? [];
    const typeFilter = types.length > 0 ? ` AND v.type IN (${placeholders(types.length)})` : '';
    const rows = this.#prepared(
      `SELECT ${VERSION_COLUMNS} ${from}${typeFilter} ORDER BY bm25(search, 50.0, 20.0, 1.0, 20.0), v.seq LIMIT ?`,
    ).all(...params, ...types, query.limit ?? 50) as VersionRow[];
    return { hits: rows.map(toVersion), facets };
  }

  async counts(): Promise<TypeCount[]> {
    return this.#statements.counts.all() as TypeCount[];
  }

  async getSetting(key: string): Promise<string | null> {
    const row = this.#statements.getSetting.get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.#batchEnded;
    await this.#writer.send({ op: 'set-setting', key, value });
  }

  async close(): Promise<void> {
    await this.#checkpointer.close();
    await this.#writer.close();
    this.#db.close();
  }
}


function prepare(db: Db): Record<string, Statement> {
  return {
    latest: db.prepare(`SELECT ${VERSION_COLUMNS} FROM versions v WHERE id = ? AND is_latest = 1`),
    first: db.prepare(`SELECT ${VERSION_COLUMNS} FROM versions v WHERE id = ? AND is_first = 1`),
    all: db.prepare(`SELECT ${VERSION_COLUMNS} FROM versions v WHERE id = ? ORDER BY version_key`),
    one: db.prepare(`SELECT ${VERSION_COLUMNS} FROM versions v WHERE id = ? AND version_key = ?`),
    recipients: db.prepare('SELECT principal FROM recipients WHERE id = ? ORDER BY principal'),
    // See the edges table in schema.ts for what `other` says.
    edges: db.prepare(
      `SELECT v.id AS carrier, via.id AS via, e.other AS other, coalesce(far.id, '') AS far
       FROM edges e JOIN versions v ON v.seq = e.seq JOIN nodes via ON via.n = e.via
       LEFT JOIN nodes far ON far.n = abs(e.other)
       WHERE e.node = (SELECT n FROM nodes WHERE id = ?) AND v.is_latest = 1
       UNION ALL
       SELECT id AS carrier, 'created_by_ref' AS via, 0 AS other, '' AS far
       FROM versions WHERE created_by = ? AND is_latest = 1`,
    ),
    counts: db.prepare('SELECT type, count(*) AS count FROM versions WHERE is_latest = 1 GROUP BY type ORDER BY type'),
    getSetting: db.prepare('SELECT value FROM settings WHERE key = ?'),
  };
}

/** A row of the edges table, with its numbers turned back into names: `carrier` is the object of its version. */
interface FiledEdge {
  carrier: string;
  via: string;
  other: number;
  far: string;
}

function edgeFiledUnder(node: string, row: FiledEdge): Edge {
  if (row.other === 0) return { source: row.carrier, target: node, via: row.via };
  return row.other > 0
    ? { source: node, target: row.far, via: row.via, through: row.carrier }
    : { source: row.far, target: node, via: row.via, through: row.carrier };
}

function toVersion(row: VersionRow): StoredVersion {
  return {
    id: row.id,
    type: row.type,
    modified: row.modified,
    specVersion: row.spec_version,
    dateAdded: formatMicros(row.added ?? row.seq),
    revoked: row.revoked === 1,
    tlp: row.tlp,
    suppliedBy: row.supplied_account === null ? null : { account: row.supplied_account, org: row.supplied_org ?? '' },
    json: row.json,
  };
}
