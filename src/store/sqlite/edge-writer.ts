// Files the indexed edges of the versions a batch stored, under the node numbers of their names.
import type { Database as Db, Statement } from 'better-sqlite3';
import { EDGE_FIELDS, type WriteBatchRows } from './writer-protocol.ts';
import { NodeNumbers } from './node-numbers.ts';
import { placeholders } from './chunks.ts';

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
    this.#many = db.prepare(`${insert}${placeholders(EDGE_ROWS, '(?, ?, ?, ?, ?, ?)')}`);
  }

  /**
   * `stored` lists, for each version the batch stored, its seq and the range of its edge fields in
   * `batch.edges`. Names are numbered only for versions actually stored: a re-import numbers nothing.
   */
  write(batch: WriteBatchRows, stored: readonly number[]): void {
    const edges = batch.edges;
    // The node number of each of the batch's names that a stored edge uses; 0 until known.
    const numberOf = new Float64Array(batch.names.length);
    const used: number[] = [];
    for (let k = 0; k < stored.length; k += 3) {
      for (let at = stored[k + 1]!; at < stored[k + 2]!; at++) {
        const name = edges[at]!;
        if (name >= 0 && numberOf[name] === 0) {
          numberOf[name] = -1;
          used.push(name);
        }
      }
    }
    if (used.length === 0) return;
    const numbers = this.#nodes.numbersOf(used.map((name) => batch.names[name]!));
    used.forEach((name, i) => { numberOf[name] = numbers[i]!; });
    const params: number[] = [];
    for (let k = 0; k < stored.length; k += 3) {
      const seq = stored[k]!;
      for (let at = stored[k + 1]!; at < stored[k + 2]!; at += EDGE_FIELDS) {
        const through = edges[at + 4]!;
        params.push(numberOf[edges[at]!]!, seq, numberOf[edges[at + 1]!]!, numberOf[edges[at + 2]!]!, numberOf[edges[at + 3]!]!,
          through < 0 ? 0 : numberOf[through]!);
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
