// What the writer thread needs to store one version: its columns and its indexed edges, already extracted.
import type { PutItem } from '../store.ts';
import { tlpLevelOf, type TlpLevel } from '../../stix/tlp.ts';
import { indexedEdges } from '../references.ts';
import { versionKey } from '../version-key.ts';

export interface WriteRow {
  id: string;
  type: string;
  versionKey: string;
  modified: string | null;
  specVersion: string;
  createdBy: string | null;
  revoked: boolean;
  tlp: TlpLevel | null;
  collection: string | null;
  suppliedAccount: string | null;
  suppliedOrg: string | null;
  json: string;
  /** Indexed edges, flattened as node, source, target, via, through (empty when none) — five strings each. */
  edges: string[];
}

export function toWriteRow(item: PutItem): WriteRow {
  const object = item.object;
  const modified = typeof object.modified === 'string' ? object.modified : null;
  const edges: string[] = [];
  for (const { node, edge } of indexedEdges(object)) edges.push(node, edge.source, edge.target, edge.via, edge.through ?? '');
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
    edges,
  };
}
