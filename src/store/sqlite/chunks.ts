// SQL over many values: placeholder lists, and chunks of a few sizes so that each statement is prepared once.
import type { Database as Db, Statement } from 'better-sqlite3';

/** Values per statement at most: one call per chunk instead of one per value. */
const CHUNK = 256;

/**
 * Splits a count into chunks of CHUNK and then of falling powers of two, as [offset, size] pairs: at most a
 * few statement shapes are prepared, whatever the counts.
 */
export function chunks(count: number): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (let size = CHUNK; at < count; size >>= 1) {
    for (; count - at >= size; at += size) out.push([at, size]);
  }
  return out;
}

/** One statement per chunk size, prepared on first use from the SQL for that many values. */
export class StatementsBySize {
  readonly #db: Db;
  readonly #sql: (size: number) => string;
  readonly #prepared = new Map<number, Statement>();

  constructor(db: Db, sql: (size: number) => string) {
    this.#db = db;
    this.#sql = sql;
  }

  of(size: number): Statement {
    let statement = this.#prepared.get(size);
    if (statement === undefined) {
      statement = this.#db.prepare(this.#sql(size));
      this.#prepared.set(size, statement);
    }
    return statement;
  }
}

/** `count` SQL placeholders, comma-separated; `each` is one value's placeholder group. */
export const placeholders = (count: number, each = '?'): string => Array(count).fill(each).join(', ');
