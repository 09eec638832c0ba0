// Turns items to put into what the writer thread needs: their columns and their indexed edges, already extracted.
import { isUtf8 } from 'node:buffer';
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
  const texts = items.map(jsonBytesOf);
  const rows = items.map((item, i) => {
    const before = edges.length;
    forEachIndexedEdge(item.object, file);
    return toWriteRow(item, texts[i]!.length, (edges.length - before) / EDGE_FIELDS);
  });
  return { rows, json: concatenated(texts), names, edges: Int32Array.from(edges) };
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
