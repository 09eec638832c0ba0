// Inserts version rows several to a statement: one statement run per chunk of a batch instead of one per row.
import type { Database as Db } from 'better-sqlite3';
import { chunks, placeholders, StatementsBySize } from './chunks.ts';
import type { WriteRow } from './writer-protocol.ts';

const COLUMNS = ['seq', 'id', 'type', 'version_key', 'modified', 'spec_version', 'created_by', 'revoked', 'tlp',
  'supplied_account', 'supplied_org', 'is_latest', 'is_first', 'json'] as const;

export class VersionInserts {
  readonly #statements: StatementsBySize;
  readonly #present: StatementsBySize;
  #params: unknown[] = [];

  constructor(db: Db) {
    // The JSON arrives as UTF-8 bytes, which the driver binds as a BLOB: the cast stores them as the TEXT they
    // are. OR IGNORE: a multi-row insert that may abort midway needs a statement journal, a copy of every page
    // it touches. No row can conflict (a put looks up the stored versions first), and `flush` checks that
    // every row went in, so a row that breaks a constraint still fails its batch.
    const row = `(${placeholders(COLUMNS.length - 1)}, CAST(? AS TEXT))`;
    this.#statements = new StatementsBySize(db, (size) => `INSERT OR IGNORE INTO versions (${COLUMNS.join(', ')}) VALUES ${placeholders(size, row)}`);
    this.#present = new StatementsBySize(db, (size) => `SELECT seq, id FROM versions WHERE seq IN (${placeholders(size)})`);
  }

  /** Queues the row of a new version: what the importer sent, with the writer's seq, flags and JSON bytes. */
  add(seq: number, row: WriteRow, flags: { latest: number; first: number }, json: Uint8Array): void {
    // In the order of COLUMNS.
    this.#params.push(seq, row.id, row.type, row.versionKey, row.modified, row.specVersion, row.createdBy, row.revoked ? 1 : 0,
      row.tlp, row.suppliedAccount, row.suppliedOrg, flags.latest, flags.first, json);
  }

  /** Inserts the rows added since the last flush. */
  flush(): void {
    const params = this.#params;
    this.#params = [];
    const width = COLUMNS.length;
    for (const [from, size] of chunks(params.length / width)) {
      const values = params.slice(from * width, (from + size) * width);
      if (this.#statements.of(size).run(...values).changes !== size) this.#refused(values, size);
    }
  }

  /** Call when the rows added will not be stored (their batch failed). */
  discard(): void {
    this.#params = [];
  }

  /** Names the first row of a chunk that did not go in (its seq may be another row's: that is a refusal too). */
  #refused(values: unknown[], size: number): never {
    const width = COLUMNS.length;
    const seqs = Array.from({ length: size }, (_, k) => values[k * width]);
    const stored = new Map((this.#present.of(size).all(...seqs) as { seq: number; id: string }[]).map((r) => [r.seq, r.id]));
    const k = seqs.findIndex((seq, k) => stored.get(seq as number) !== values[k * width + 1]);
    throw new VersionRefusedError(String(values[k * width + 1]));
  }
}

/** A version row broke a constraint of the versions table (a column it needs is missing, or its seq is taken). */
export class VersionRefusedError extends Error {
  constructor(readonly objectId: string) {
    super(`the version of ${objectId} could not be stored: it breaks a constraint of the versions table (a required column is missing, or its date_added is taken)`);
    this.name = 'VersionRefusedError';
  }
}
