// Files the indexed edges of the versions a batch stored, under the node numbers of their names.
import type { Database as Db } from 'better-sqlite3';
import { EDGE_FIELDS, type BatchEdges } from './writer-protocol.ts';
import { NodeNumbers } from './node-numbers.ts';
import { chunks, placeholders, StatementsBySize } from './chunks.ts';

const COLUMNS = 4;

export class EdgeWriter {
  readonly #nodes: NodeNumbers;
  readonly #inserts: StatementsBySize;

  constructor(db: Db) {
    this.#nodes = new NodeNumbers(db);
    // Rows go in a chunk per statement: one call instead of one per row keeps per-call overhead down. OR
    // IGNORE: an object may name the same identifier twice in one property. It also spares SQLite the
    // statement journal that a multi-row insert which may abort midway needs.
    this.#inserts = new StatementsBySize(db, (size) => `INSERT OR IGNORE INTO edges (node, seq, via, other) VALUES ${placeholders(size, '(?, ?, ?, ?)')}`);
  }

  /**
   * `stored` lists, for each version the batch stored, its seq and the range of its edge fields in
   * `batch.edges`. Names are numbered only for versions actually stored: a re-import numbers nothing.
   */
  write(batch: BatchEdges, stored: readonly number[]): void {
    const edges = batch.edges;
    // The node number of each of the batch's names that a stored edge uses; 0 until known.
    const numberOf = new Float64Array(batch.names.length);
    const used: number[] = [];
    const use = (name: number): void => {
      if (name >= 0 && numberOf[name] === 0) {
        numberOf[name] = -1;
        used.push(name);
      }
    };
    for (let k = 0; k < stored.length; k += 3) {
      for (let at = stored[k + 1]!; at < stored[k + 2]!; at += EDGE_FIELDS) {
        use(edges[at]!);
        use(edges[at + 1]!);
        use(edges[at + 2]!);
      }
    }
    if (used.length === 0) return;
    const numbers = this.#nodes.numbersOf(used.map((name) => batch.names[name]!));
    used.forEach((name, i) => { numberOf[name] = numbers[i]!; });
    const params: number[] = [];
    for (let k = 0; k < stored.length; k += 3) {
      const seq = stored[k]!;
      for (let at = stored[k + 1]!; at < stored[k + 2]!; at += EDGE_FIELDS) {
        const far = edges[at + 2]!;
        params.push(numberOf[edges[at]!]!, seq, numberOf[edges[at + 1]!]!, far < 0 ? 0 : edges[at + 3]! * numberOf[far]!);
      }
    }
    for (const [from, size] of chunks(params.length / COLUMNS)) {
      this.#inserts.of(size).run(...params.slice(from * COLUMNS, (from + size) * COLUMNS));
    }
  }

  /** Call after a rollback. */
  forget(): void {
    this.#nodes.forget();
  }
}
