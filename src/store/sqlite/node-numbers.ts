// The small integers that stand for identifiers (and edge labels) in the edge index, assigned by the writer.
import type { Database as Db } from 'better-sqlite3';
import { chunks, placeholders, StatementsBySize } from './chunks.ts';

const CACHE_LIMIT = 1_000_000;

export class NodeNumbers {
  readonly #db: Db;
  readonly #find: StatementsBySize;
  readonly #insert: StatementsBySize;
  /** Numbers of recently seen names; forgotten on rollback (they may name rows that no longer exist). */
  readonly #cache = new Map<string, number>();
  #next: number | null = null;

  constructor(db: Db) {
    this.#db = db;
    this.#find = new StatementsBySize(db, (size) => `SELECT n, id FROM nodes WHERE id IN (${placeholders(size)})`);
    this.#insert = new StatementsBySize(db, (size) => `INSERT INTO nodes (n, id) VALUES ${placeholders(size, '(?, ?)')}`);
  }

  /**
   * The number of each name, creating the missing ones. The writer thread is the only writer of the nodes
   * table, so it can hand out numbers itself and insert them in chunks.
   */
  numbersOf(names: readonly string[]): number[] {
    const numbers = new Array<number>(names.length);
    const unknown: number[] = [];
    names.forEach((name, i) => {
      const n = this.#cache.get(name);
      if (n === undefined) unknown.push(i);
      else numbers[i] = n;
    });
    if (unknown.length === 0) return numbers;
    if (this.#cache.size + unknown.length > CACHE_LIMIT) this.#cache.clear();
    const created: number[] = [];
    const found = new Map<string, number>();
    for (const [from, size] of chunks(unknown.length)) {
      const rows = this.#find.of(size).all(...unknown.slice(from, from + size).map((i) => names[i])) as { n: number; id: string }[];
      for (const row of rows) found.set(row.id, row.n);
    }
    for (const i of unknown) {
      const n = found.get(names[i]!) ?? this.#allocate(i, created);
      numbers[i] = n;
      this.#cache.set(names[i]!, n);
    }
    for (const [from, size] of chunks(created.length / 2)) {
      const params: unknown[] = [];
      for (let k = from * 2; k < (from + size) * 2; k += 2) params.push(created[k], names[created[k + 1]!]);
      this.#insert.of(size).run(...params);
    }
    return numbers;
  }

  /** Call after a rollback: numbers handed out in it were never stored. */
  forget(): void {
    this.#cache.clear();
    this.#next = null;
  }

  /** A new number for names[i], queued as (number, index) for insertion. */
  #allocate(i: number, created: number[]): number {
    this.#next ??= ((this.#db.prepare('SELECT max(n) FROM nodes').pluck().get() as number | null) ?? 0) + 1;
    const n = this.#next++;
    created.push(n, i);
    return n;
  }

}
