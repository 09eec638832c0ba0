// The small integers that stand for identifiers (and edge labels) in the edge index, assigned by the writer.
import type { Database as Db, Statement } from 'better-sqlite3';
import { chunks, placeholders, StatementsBySize } from './chunks.ts';

const CACHE_LIMIT = 1_000_000;
/** A table of at most this many nodes is read whole into the cache, instead of being asked for name after name. */
const LOAD_LIMIT = 100_000;

export class NodeNumbers {
  readonly #db: Db;
  readonly #find: StatementsBySize;
  readonly #insert: StatementsBySize;
  readonly #max: Statement;
  /** Numbers of recently seen names; forgotten on rollback (they may name rows that no longer exist). */
  readonly #cache = new Map<string, number>();
  /**
   * Whether the cache holds every row of the table, so that a name it lacks is new without asking: it does
   * once a small table has been read whole, and keeps doing so as the names created are added to it.
   */
  #complete = false;
  #next: number | null = null;

  constructor(db: Db) {
    this.#db = db;
    this.#max = db.prepare('SELECT max(n) FROM nodes').pluck();
    this.#find = new StatementsBySize(db, (size) => `SELECT n, id FROM nodes WHERE id IN (${placeholders(size)})`);
    this.#insert = new StatementsBySize(db, (size) => `INSERT INTO nodes (n, id) VALUES ${placeholders(size, '(?, ?)')}`);
  }

  /**
   * The number of each name, creating the missing ones; call inside a write transaction. The writer hands
   * out numbers itself and inserts them in chunks: it holds the database's write lock meanwhile, and when
   * another process has numbered names since (two hubs on one data directory), it reads the table again.
   */
  numbersOf(names: readonly string[]): number[] {
    const numbers = new Array<number>(names.length);
    const unknown: number[] = [];
    const max = (this.#max.get() as number | null) ?? 0;
    if (this.#next !== max + 1) this.#start(max);
    names.forEach((name, i) => {
      const n = this.#cache.get(name);
      if (n === undefined) unknown.push(i);
      else numbers[i] = n;
    });
    if (unknown.length === 0) return numbers;
    if (this.#cache.size + unknown.length > CACHE_LIMIT) {
      this.#cache.clear();
      this.#complete = false;
    }
    const found = this.#complete ? new Map<string, number>() : this.#stored(unknown.map((i) => names[i]!));
    const created: number[] = [];
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
    this.#complete = false;
    this.#next = null;
  }

  /** Numbering goes on after `max`; a small table is read whole. */
  #start(max: number): void {
    this.#next = max + 1;
    this.#complete = false;
    // Numbers are handed out from 1 up and never removed, so the largest is also the count.
    if (max > LOAD_LIMIT) return;
    this.#cache.clear();
    for (const row of this.#db.prepare('SELECT n, id FROM nodes').iterate() as IterableIterator<{ n: number; id: string }>) {
      this.#cache.set(row.id, row.n);
    }
    this.#complete = true;
  }

  /** The stored numbers of those of `names` that have one. */
  #stored(names: readonly string[]): Map<string, number> {
    const found = new Map<string, number>();
    for (const [from, size] of chunks(names.length)) {
      for (const row of this.#find.of(size).all(...names.slice(from, from + size)) as { n: number; id: string }[]) found.set(row.id, row.n);
    }
    return found;
  }

  /** A new number for names[i], queued as (number, index) for insertion. */
  #allocate(i: number, created: number[]): number {
    const n = this.#next!;
    this.#next = n + 1;
    created.push(n, i);
    return n;
  }
}
