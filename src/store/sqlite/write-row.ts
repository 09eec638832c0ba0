// Turns items to put into what the writer thread needs: their columns and their indexed edges, already extracted.
import { isUtf8 } from 'node:buffer';
import type { PutItem } from '../store.ts';
import { tlpLevelOf } from '../../stix/tlp.ts';
import { forEachIndexedEdge, type EdgeSink } from '../references.ts';
import { versionKey } from '../version-key.ts';
import { EDGE_FIELDS, type BatchEdges, type WriteBatchRows, type WriteRow } from './writer-protocol.ts';

export function toWriteRows(items: readonly PutItem[]): WriteBatchRows {
  const texts = items.map(jsonBytesOf);
  const { names, edges, counts } = indexedEdges(items.map((item) => item.object));
  const rows = items.map((item, i) => toWriteRow(item, texts[i]!.length, counts[i]!));
  return { rows, json: concatenated(texts), names, edges };
}

/** The indexed edges of some objects, in order, with how many each has. */
export function indexedEdges(objects: readonly Record<string, unknown>[]): BatchEdges & { counts: number[] } {
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
  const file: EdgeSink = (node, via, far, outgoing) => {
    if (far === undefined) edges.push(name(node), name(via), -1, 0);
    else edges.push(name(node), name(via), name(far), outgoing ? 1 : -1);
  };
  const counts = objects.map((object) => {
    const before = edges.length;
    forEachIndexedEdge(object, file);
    return (edges.length - before) / EDGE_FIELDS;
  });
  return { names, edges: Int32Array.from(edges), counts };
}

/** The bytes to store: the caller's, when they are well-formed UTF-8 (SQLite keeps TEXT as given). */
function jsonBytesOf(item: PutItem): Uint8Array {
  if (item.jsonBytes !== undefined && isUtf8(item.jsonBytes)) return item.jsonBytes;
  return Buffer.from(item.json ?? JSON.stringify(item.object), 'utf8');
}

/** One buffer that owns its memory, so that it can be transferred to the writer thread. */
function concatenated(texts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const text of texts) total += text.length;
  const joined = new Uint8Array(total);
  let at = 0;
  for (const text of texts) {
    joined.set(text, at);
    at += text.length;
  }
  return joined;
}

function toWriteRow(item: PutItem, jsonLength: number, edgeCount: number): WriteRow {
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
    jsonLength,
    edgeCount,
  };
}
