// Files the indexed edges of every stored version again: for a database whose edge table had another layout.
import type { Database as Db } from 'better-sqlite3';
import { EdgeWriter } from './edge-writer.ts';
import { indexedEdges } from './write-row.ts';
import { EDGE_FIELDS } from './writer-protocol.ts';

const PAGE = 1000;

export function rebuildEdges(db: Db): void {
  const writer = new EdgeWriter(db);
  const page = db.prepare(`SELECT seq, json FROM versions WHERE seq > ? ORDER BY seq LIMIT ${PAGE}`);
  for (let after = 0; ;) {
    const rows = page.all(after) as { seq: number; json: string }[];
    if (rows.length === 0) return;
    const { names, edges, counts } = indexedEdges(rows.map((row) => JSON.parse(row.json) as Record<string, unknown>));
    // Each version's seq and the range of its fields in `edges`, as EdgeWriter.write takes them.
    const stored: number[] = [];
    let at = 0;
    rows.forEach((row, i) => {
      const end = at + counts[i]! * EDGE_FIELDS;
      if (end > at) stored.push(row.seq, at, end);
      at = end;
    });
    writer.write({ names, edges }, stored);
    after = rows[rows.length - 1]!.seq;
  }
}
