// Writes object versions: keeps the latest/first flags, the date_added clock and the edge index right.
import type { Database as Db, Statement } from 'better-sqlite3';
import type { PutOutcome } from '../store.ts';
import { EDGE_FIELDS, rowsOf, type WriteBatchRows, type WriteRow } from './writer-protocol.ts';
import { EdgeWriter } from './edge-writer.ts';
import { VersionInserts } from './version-inserts.ts';
import { chunks, placeholders, StatementsBySize } from './chunks.ts';
import { searchDocument } from '../search-document.ts';

const INDEX_CHUNK = 2000;

interface EndRow {
  id?: string;
  key: number;
  version_key: string;
  revoked: number;
  is_latest: number;
  is_first: number;
}

export interface Removal {
  collection: string;
  id: string;
  /** Version keys to remove, or null for all. */
  versionKeys: string[] | null;
  which: 'all' | 'latest' | 'first' | 'keys';
}

export class VersionWriter {
  readonly #db: Db;
  readonly #s: Record<string, Statement>;
  readonly #edges: EdgeWriter;
  readonly #inserts: VersionInserts;
  /** The last date_added handed out (see #tick). */
  #lastAdded = 0;
  readonly #maxAdded: Statement;
  readonly #ends: StatementsBySize;
  /** A group's transaction is open (see openGroup), as opposed to one that `begin` opened. */
  #groupOpen = false;

  constructor(db: Db) {
    this.#db = db;
    this.#edges = new EdgeWriter(db);
    this.#inserts = new VersionInserts(db);
    this.#ends = new StatementsBySize(db, (size) => `SELECT id, seq AS key, version_key, revoked, is_latest, is_first FROM versions
      WHERE id IN (${placeholders(size)}) AND (is_latest = 1 OR is_first = 1 OR version_key IN (SELECT value FROM json_each(?)))`);
    const p = (sql: string): Statement => db.prepare(sql);
    this.#s = {
      clearLatest: p('UPDATE versions SET is_latest = 0 WHERE seq = ?'),
      clearFirst: p('UPDATE versions SET is_first = 0 WHERE seq = ?'),
      member: p('SELECT 1 FROM memberships WHERE collection = ? AND id = ? AND version_key = ?'),
      // INDEXED BY: left to itself the planner walks the whole collection by its primary key (quadratic imports).
      memberEnds: p(`SELECT added AS key, version_key, 0 AS revoked, is_latest, is_first FROM memberships INDEXED BY memberships_object
                     WHERE collection = ? AND id = ? AND (is_latest = 1 OR is_first = 1)`),
      memberClearLatest: p('UPDATE memberships SET is_latest = 0 WHERE collection = ? AND added = ?'),
      memberClearFirst: p('UPDATE memberships SET is_first = 0 WHERE collection = ? AND added = ?'),
      insertMember: p(`INSERT INTO memberships (collection, added, seq, id, version_key, is_latest, is_first)
                       VALUES (?, ?, ?, ?, ?, ?, ?)`),
      memberDeleteAll: p('DELETE FROM memberships WHERE collection = ? AND id = ?'),
      memberDeleteKey: p('DELETE FROM memberships WHERE collection = ? AND id = ? AND version_key = ?'),
      memberDeleteFlag: p('DELETE FROM memberships WHERE collection = ? AND id = ? AND (CASE ? WHEN \'latest\' THEN is_latest ELSE is_first END) = 1'),
      memberReflag: p(`UPDATE memberships SET
          is_latest = (version_key = (SELECT max(version_key) FROM memberships m WHERE m.collection = memberships.collection AND m.id = memberships.id)),
          is_first = (version_key = (SELECT min(version_key) FROM memberships m WHERE m.collection = memberships.collection AND m.id = memberships.id))
        WHERE collection = ? AND id = ?`),
      clearRecipients: p('DELETE FROM recipients WHERE id = ?'),
      addRecipient: p('INSERT OR IGNORE INTO recipients (id, principal) VALUES (?, ?)'),
      unindexed: p(`SELECT seq, id, json FROM versions WHERE seq > ? AND is_latest = 1 ORDER BY seq LIMIT ${INDEX_CHUNK}`),
      indexedSeq: p("SELECT value FROM settings WHERE key = 'search-indexed'").pluck(),
      searchDoc: p('SELECT seq FROM search_docs WHERE id = ?').pluck(),
      unsearch: p('DELETE FROM search WHERE rowid = ?'),
      addSearch: p('INSERT INTO search (rowid, name, aliases, body, ids) VALUES (?, ?, ?, ?, ?)'),
      setSearchDoc: p('INSERT INTO search_docs (id, seq) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq'),
      setSetting: p('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
    this.#maxAdded = db.prepare('SELECT max(m) FROM (SELECT max(seq) AS m FROM versions UNION ALL SELECT max(added) FROM memberships)').pluck();
  }

  /** Whether a transaction is open that `begin` opened (puts then commit with it, not on their own). */
  get inBatch(): boolean {
    return this.#db.inTransaction && !this.#groupOpen;
  }

  /** Opens the transaction that a group of puts shares, if none is open. */
  openGroup(): void {
    if (this.#db.inTransaction) return;
    // IMMEDIATE: the access store writes to the same file from another connection; a deferred transaction that
    // reads before writing would then fail with SQLITE_BUSY instead of waiting its turn.
    this.#db.exec('BEGIN IMMEDIATE');
    this.#groupOpen = true;
    this.#catchUpClock();
  }

  /**
   * Stores one batch in the open transaction, in a savepoint of its own, so that a failing batch leaves
   * nothing behind. Returns its outcomes or its error; throws GroupLostError when the error ended the
   * whole transaction (a full disk, an I/O error), taking the batches before it along.
   */
  putInGroup(batch: WriteBatchRows): PutOutcome[] | Error {
    const db = this.#db;
    db.exec('SAVEPOINT put');
    try {
      const outcomes = this.#putRows(batch);
      db.exec('RELEASE put');
      return outcomes;
    } catch (err) {
      // Node numbers handed out since the savepoint are gone with it, and so are the rows still queued.
      this.#edges.forget();
      this.#inserts.discard();
      if (!db.inTransaction) {
        this.#groupOpen = false;
        throw new GroupLostError(err as Error);
      }
      db.exec('ROLLBACK TO put');
      db.exec('RELEASE put');
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  /** Commits the group's transaction; on failure nothing of the group is stored. */
  commitGroup(): void {
    if (!this.#groupOpen) return;
    this.#groupOpen = false;
    try {
      this.#db.exec('COMMIT');
    } catch (err) {
      this.rollback();
      throw new GroupLostError(err as Error);
    }
  }

  #putRows(batch: WriteBatchRows): PutOutcome[] {
    const filed: number[] = [];
    let at = 0;
    let jsonAt = batch.json.byteOffset;
    const rows = rowsOf(batch.rows);
    const stored = this.#storedEnds(rows);
    const outcomes = rows.map((row) => {
      const from = at;
      at += row.edgeCount * EDGE_FIELDS;
      // A plain view: the driver binds any byte array, and a Buffer costs more to make, once per row.
      const json = new Uint8Array(batch.json.buffer, jsonAt, row.jsonLength);
      jsonAt += row.jsonLength;
      const { outcome, seq } = this.#putOne(row, json, stored);
      if (seq !== null && from < at) filed.push(seq, from, at);
      return outcome;
    });
    this.#inserts.flush();
    this.#edges.write(batch, filed);
    return outcomes;
  }

  begin(): void {
    this.#db.exec('BEGIN IMMEDIATE');
    this.#catchUpClock();
  }

  commit(): void {
    if (this.#db.inTransaction) this.#db.exec('COMMIT');
  }

  rollback(): void {
    if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
    this.#groupOpen = false;
    // Nodes created in the rolled-back transaction are gone from the table.
    this.#edges.forget();
  }

  setSetting(key: string, value: string): void {
    this.#s.setSetting!.run(key, value);
  }

  /**
   * Brings the full-text index up to date with the latest versions, a chunk per transaction. Returns the
   * number of versions indexed.
   */
  indexSearch(): number {
    const s = this.#s;
    let indexed = 0;
    for (;;) {
      const from = Number(s.indexedSeq!.get() ?? 0);
      const rows = s.unindexed!.all(from) as { seq: number; id: string; json: string }[];
      if (rows.length === 0) return indexed;
      this.#db.transaction(() => {
        for (const row of rows) {
          const previous = s.searchDoc!.get(row.id) as number | undefined;
          if (previous !== undefined) s.unsearch!.run(previous);
          const doc = searchDocument(JSON.parse(row.json) as Record<string, unknown>);
          s.addSearch!.run(row.seq, doc.name, doc.aliases, doc.body, doc.ids);
          s.setSearchDoc!.run(row.id, row.seq);
        }
        s.setSetting!.run('search-indexed', String(rows[rows.length - 1]!.seq));
      }).immediate();
      indexed += rows.length;
    }
  }

  setRecipients(id: string, principals: string[]): void {
    this.#db.transaction(() => {
      this.#s.clearRecipients!.run(id);
      for (const principal of principals) this.#s.addRecipient!.run(id, principal);
    }).immediate();
  }

  remove(removal: Removal): number {
    const s = this.#s;
    const { collection, id } = removal;
    return this.#db.transaction(() => {
      let removed = 0;
      if (removal.which === 'all') removed = s.memberDeleteAll!.run(collection, id).changes;
      else if (removal.which === 'keys') {
        for (const key of removal.versionKeys ?? []) removed += s.memberDeleteKey!.run(collection, id, key).changes;
      } else removed = s.memberDeleteFlag!.run(collection, id, removal.which).changes;
      if (removed > 0) s.memberReflag!.run(collection, id);
      return removed;
    }).immediate();
  }

  /**
   * Call once a write transaction holds the database's lock: another process writing the same file (a hub
   * and an import beside it) has its own clock, and may have handed out the next microseconds of this one.
   */
  #catchUpClock(): void {
    this.#lastAdded = Math.max(this.#lastAdded, (this.#maxAdded.get() as number | null) ?? 0);
  }

  /** The date_added clock: the server's time in microseconds, bumped when needed so that it never repeats. */
  #tick(): number {
    this.#lastAdded = Math.max(Date.now() * 1000, this.#lastAdded + 1);
    return this.#lastAdded;
  }

  /**
   * For each object of the batch, its stored versions that a put needs: the one with the same version key
   * (then the put is a duplicate) and the latest and first. Looked up a chunk of objects per query instead of
   * one query per row.
   */
  #storedEnds(rows: readonly WriteRow[]): Map<string, EndRow[]> {
    const ends = new Map<string, EndRow[]>();
    const keyed = new Map<string, string[]>();
    for (const row of rows) {
      const keys = keyed.get(row.id);
      if (keys === undefined) keyed.set(row.id, [row.versionKey]);
      else keys.push(row.versionKey);
    }
    const ids = [...keyed.keys()];
    for (const [from, size] of chunks(ids.length)) {
      const chunk = ids.slice(from, from + size);
      const keys = JSON.stringify([...new Set(chunk.flatMap((id) => keyed.get(id)!))]);
      for (const end of this.#ends.of(size).all(...chunk, keys) as Required<EndRow>[]) {
        const list = ends.get(end.id);
        const wanted = end.is_latest === 1 || end.is_first === 1 || keyed.get(end.id)!.includes(end.version_key);
        if (!wanted) continue;
        if (list === undefined) ends.set(end.id, [end]);
        else list.push(end);
      }
    }
    return ends;
  }


  /** Stores one version; `seq` is its new date_added when it was stored. */
  #putOne(row: WriteRow, json: Uint8Array, stored: Map<string, EndRow[]>): { outcome: PutOutcome; seq: number | null } {
    const s = this.#s;
    const key = row.versionKey;
    let ends = stored.get(row.id);
    if (ends === undefined) stored.set(row.id, ends = []);
    const existing = ends.find((end) => end.version_key === key);
    if (existing) {
      if (row.collection !== null) this.#addMember(row.collection, existing.key, row.id, key);
      return { outcome: 'duplicate', seq: null };
    }
    const latest = ends.find((end) => end.is_latest === 1);
    if (latest && latest.revoked === 1 && key > latest.version_key) return { outcome: 'after-revocation', seq: null };
    // Taking over a flag updates a row that may still wait in the queue of inserts.
    if (ends.length > 0) this.#inserts.flush();
    const flags = this.#flags(ends, key, s.clearLatest!, s.clearFirst!, []);
    const seq = this.#tick();
    this.#inserts.add(seq, row, flags, json);
    // A later row of the batch for the same object sees this version.
    ends.push({ key: seq, version_key: key, revoked: row.revoked ? 1 : 0, is_latest: flags.latest, is_first: flags.first });
    if (row.collection !== null) this.#addMember(row.collection, seq, row.id, key);
    return { outcome: latest ? 'new-version' : 'new-object', seq };
  }

  #addMember(collection: string, seq: number, id: string, key: string): void {
    const s = this.#s;
    if (s.member!.get(collection, id, key)) return;
    const ends = s.memberEnds!.all(collection, id) as EndRow[];
    const flags = this.#flags(ends, key, s.memberClearLatest!, s.memberClearFirst!, [collection]);
    s.insertMember!.run(collection, this.#tick(), seq, id, key, flags.latest, flags.first);
  }

  /** Decides whether a new version is the latest and/or first, clearing the flags it takes over. */
  #flags(ends: EndRow[], key: string, clearLatest: Statement, clearFirst: Statement, scope: unknown[]): { latest: number; first: number } {
    const latest = ends.find((end) => end.is_latest === 1);
    const first = ends.find((end) => end.is_first === 1);
    const isLatest = !latest || key > latest.version_key;
    const isFirst = !first || key < first.version_key;
    if (isLatest && latest) {
      clearLatest.run(...scope, latest.key);
      latest.is_latest = 0;
    }
    if (isFirst && first) {
      clearFirst.run(...scope, first.key);
      first.is_first = 0;
    }
    return { latest: isLatest ? 1 : 0, first: isFirst ? 1 : 0 };
  }
}

/** The transaction a group of puts shared was rolled back: none of them is stored. */
export class GroupLostError extends Error {
  constructor(cause: Error) {
    super(cause.message, { cause });
    this.name = 'GroupLostError';
  }
}
