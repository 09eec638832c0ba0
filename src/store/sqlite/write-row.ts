// Turns items to put into what the writer thread needs: their columns and their indexed edges, already extracted.
import type { PutItem } from '../store.ts';
import { tlpLevelOf } from '../../stix/tlp.ts';
import { forEachIndexedEdge, type EdgeSink } from '../references.ts';
import { versionKey } from '../version-key.ts';
import { EDGE_FIELDS, type WriteBatchRows, type WriteRow } from './writer-protocol.ts';

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
  const file: EdgeSink = (node, source, target, via, through) => {
    edges.push(name(node), name(source), name(target), name(via), through === undefined ? -1 : name(through));
  };
  const rows = items.map((item) => {
    const before = edges.length;
    forEachIndexedEdge(item.object, file);
    return toWriteRow(item, (edges.length - before) / EDGE_FIELDS);
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
