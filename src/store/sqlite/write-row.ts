// Turns items to put into what the writer thread needs: their columns and their indexed edges, already extracted.
import { isUtf8 } from 'node:buffer';
import type { PutItem } from '../store.ts';
import { tlpLevelOf } from '../../stix/tlp.ts';
import { forEachIndexedEdge, type EdgeSink } from '../references.ts';
import { versionKey } from '../version-key.ts';
import { EDGE_FIELDS, type BatchEdges, type WriteBatchRows, type WriteColumns } from './writer-protocol.ts';

export function toWriteRows(items: readonly PutItem[]): WriteBatchRows {
  const texts = items.map(jsonBytesOf);
  const { names, edges, counts } = indexedEdges(items.map((item) => item.object));
  return { rows: columnsOf(items, texts, counts), json: concatenated(texts), names, edges };
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

function columnsOf(items: readonly PutItem[], texts: readonly Uint8Array[], edgeCounts: readonly number[]): WriteColumns {
  const n = items.length;
  const c: WriteColumns = {
    id: [], type: [], versionKey: [], modified: [], specVersion: [], createdBy: [], tlp: [], collection: [],
    suppliedAccount: [], suppliedOrg: [], revoked: new Uint8Array(n), jsonLength: new Int32Array(n), edgeCount: Int32Array.from(edgeCounts),
  };
  items.forEach((item, i) => {
    const object = item.object;
    const modified = typeof object.modified === 'string' ? object.modified : null;
    c.id.push(object.id as string);
    c.type.push(object.type as string);
    c.versionKey.push(modified === null ? '' : versionKey(modified));
    c.modified.push(modified);
    c.specVersion.push(typeof object.spec_version === 'string' ? object.spec_version : '2.1');
    c.createdBy.push(typeof object.created_by_ref === 'string' ? object.created_by_ref : null);
    c.tlp.push(tlpLevelOf(object));
    c.collection.push(item.collection ?? null);
    c.suppliedAccount.push(item.suppliedBy?.account ?? null);
    c.suppliedOrg.push(item.suppliedBy?.org ?? null);
    c.revoked[i] = object.revoked === true ? 1 : 0;
    c.jsonLength[i] = texts[i]!.length;
  });
  return c;
}
