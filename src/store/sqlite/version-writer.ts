// Writes object versions: keeps the latest/first flags, the date_added clock and the edge index right.
import type { Database as Db, Statement } from 'better-sqlite3';
import type { PutOutcome } from '../store.ts';
import type { WriteRow } from './write-row.ts';

interface EndRow {
  seq: number;
  version_key: string;
  revoked: number;
  is_latest: number;
  is_first: number;
}

export class VersionWriter {
  readonly #db: Db;
  readonly #s: Record<string, Statement>;
  readonly #putAll: (rows: WriteRow[]) => PutOutcome[];
  #lastAdded: number;

  constructor(db: Db) {
    this.#db = db;
    this.#s = {
      exists: db.prepare('SELECT 1 FROM versions WHERE id = ? AND version_key = ?'),
      ends: db.prepare('SELECT seq, version_key, revoked, is_latest, is_first FROM versions WHERE id = ? AND (is_latest = 1 OR is_first = 1)'),
      clearLatest: db.prepare('UPDATE versions SET is_latest = 0 WHERE seq = ?'),
      clearFirst: db.prepare('UPDATE versions SET is_first = 0 WHERE seq = ?'),
      insert: db.prepare(
        `INSERT INTO versions (seq, id, type, version_key, modified, spec_version, created_by, revoked, is_latest, is_first, json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertEdge: db.prepare('INSERT OR IGNORE INTO edges (node, seq, source, target, via, through) VALUES (?, ?, ?, ?, ?, ?)'),
      setSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
    const { max } = db.prepare('SELECT max(seq) AS max FROM versions').get() as { max: number | null };
    this.#lastAdded = max ?? 0;
    this.#putAll = db.transaction((rows: WriteRow[]) => rows.map((row) => this.#putOne(row)));
  }

  /** Stores the rows in their own transaction, or in the open one after `begin`. */
  put(rows: WriteRow[]): PutOutcome[] {
    return this.#db.inTransaction ? rows.map((row) => this.#putOne(row)) : this.#putAll(rows);
  }

  begin(): void {
    this.#db.exec('BEGIN IMMEDIATE');
  }

  commit(): void {
    if (this.#db.inTransaction) this.#db.exec('COMMIT');
  }

  rollback(): void {
    if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
  }

  setSetting(key: string, value: string): void {
    this.#s.setSetting!.run(key, value);
  }

  #putOne(row: WriteRow): PutOutcome {
    const s = this.#s;
    const key = row.versionKey;
    if (s.exists!.get(row.id, key)) return 'duplicate';
    const ends = s.ends!.all(row.id) as EndRow[];
    const latest = ends.find((end) => end.is_latest === 1);
    const first = ends.find((end) => end.is_first === 1);
    if (latest && latest.revoked === 1 && key > latest.version_key) return 'after-revocation';
    const isLatest = !latest || key > latest.version_key;
    const isFirst = !first || key < first.version_key;
    if (isLatest && latest) s.clearLatest!.run(latest.seq);
    if (isFirst && first) s.clearFirst!.run(first.seq);
    // date_added is the server's clock in microseconds, bumped when needed so that it never repeats.
    const seq = this.#lastAdded = Math.max(Date.now() * 1000, this.#lastAdded + 1);
    s.insert!.run(seq, row.id, row.type, key, row.modified, row.specVersion, row.createdBy,
      row.revoked ? 1 : 0, isLatest ? 1 : 0, isFirst ? 1 : 0, row.json);
    const edges = row.edges;
    for (let i = 0; i < edges.length; i += 5) {
      s.insertEdge!.run(edges[i], seq, edges[i + 1], edges[i + 2], edges[i + 3], edges[i + 4]);
    }
    return latest ? 'new-version' : 'new-object';
  }
}
