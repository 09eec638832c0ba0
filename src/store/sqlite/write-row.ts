// Turns items to put into what the writer thread needs: their columns and their indexed edges, already extracted.
import type { PutItem } from '../store.ts';
import { tlpLevelOf } from '../../stix/tlp.ts';
import { indexedEdges } from '../references.ts';
import { versionKey } from '../version-key.ts';
import type { WriteBatchRows, WriteRow } from './writer-protocol.ts';

export function toWriteRows(items: readonly PutItem[]): WriteBatchRows {
  const names: string[] = [];
  const numbers = new Map<string, number>();
  const name = (text: string): number => {
    let n = numbers.get(text);
    if (n === undefined) {
      n = names.length;
      names.push(text);
      numbers.set(text, n);
    }
    return n;
  };
  const edges: number[] = [];
  const rows = items.map((item) => {
    const filed = indexedEdges(item.object);
    for (const { node, edge } of filed) {
      edges.push(name(node), name(edge.source), name(edge.target), name(edge.via), edge.through === undefined ? -1 : name(edge.through));
    }
    return toWriteRow(item, filed.length);
  });
  return { rows, names, edges: Int32Array.from(edges) };
}

function toWriteRow(item: PutItem, edgeCount: number): WriteRow {
  const object = item.object;
  const modified = typeof object.modified === 'string' ? object.modified : null;
  return {
    id: object.id as string,
    type: object.type as string,
    versionKey: modified === null ? '' : versionKey(modified),
    modified,
    specVersion: typeof object.spec_version === 'string' ? object.spec_version : '2.1',
    createdBy: typeof object.created_by_ref === 'string' ? object.created_by_ref : null,
    revoked: object.revoked === true,
    tlp: tlpLevelOf(object),
    collection: item.collection ?? null,
    suppliedAccount: item.suppliedBy?.account ?? null,
    suppliedOrg: item.suppliedBy?.org ?? null,
    json: item.json ?? JSON.stringify(object),
    edgeCount,
  };
}
