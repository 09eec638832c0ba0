// Files the indexed edges of the versions a batch stored, under the node numbers of their names.
import type { Database as Db, Statement } from 'better-sqlite3';
import { EDGE_FIELDS, type WriteBatchRows } from './writer-protocol.ts';
import { NodeNumbers } from './node-numbers.ts';

/** Edge rows per multi-row INSERT: one statement call instead of many keeps per-call overhead down. */
const EDGE_ROWS = 32;
const COLUMNS = 6;

export class EdgeWriter {
  readonly #nodes: NodeNumbers;
  readonly #one: Statement;
  readonly #many: Statement;

  constructor(db: Db) {
    this.#nodes = new NodeNumbers(db);
    const insert = 'INSERT OR IGNORE INTO edges (node, seq, source, target, via, through) VALUES ';
    this.#one = db.prepare(`${insert}(?, ?, ?, ?, ?, ?)`);
    this.#many = db.prepare(`${insert}${Array(EDGE_ROWS).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`);
  }

  /**
   * `stored` lists, for each version the batch stored, its seq and the range of its edge fields in
   * `batch.edges`. Names are numbered only for versions actually stored: a re-import numbers nothing.
   */
  write(batch: WriteBatchRows, stored: readonly number[]): void {
    const used = new Map<number, number>();
    for (let k = 0; k < stored.length; k += 3) {
      for (let at = stored[k + 1]!; at < stored[k + 2]!; at++) {
        const name = batch.edges[at]!;
        if (name >= 0 && !used.has(name)) used.set(name, used.size);
      }
    }
    if (used.size === 0) return;
    const names = [...used.keys()];
    const numbers = this.#nodes.numbersOf(names.map((name) => batch.names[name]!));
    const edges = batch.edges;
    const number = (at: number): number => {
      const name = edges[at]!;
      return name < 0 ? 0 : numbers[used.get(name)!]!;
    };
    const params: number[] = [];
    for (let k = 0; k < stored.length; k += 3) {
      const seq = stored[k]!;
      for (let at = stored[k + 1]!; at < stored[k + 2]!; at += EDGE_FIELDS) {
        params.push(number(at), seq, number(at + 1), number(at + 2), number(at + 3), number(at + 4));
        if (params.length === EDGE_ROWS * COLUMNS) {
          this.#many.run(...params);
          params.length = 0;
        }
      }
    }
    for (let i = 0; i < params.length; i += COLUMNS) this.#one.run(...params.slice(i, i + COLUMNS));
  }

  /** Call after a rollback. */
  forget(): void {
    this.#nodes.forget();
  }
}
