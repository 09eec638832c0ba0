// Messages between the store and its writer thread; each request carries a ticket its response echoes.
import type { TlpLevel } from '../../stix/tlp.ts';
import type { Removal } from './version-writer.ts';

export type WriterRequest = { ticket: number } & (
  /** `more`: further puts follow at once, so the writer may hold the commit for them (see GroupCommit). */
  | { op: 'put'; batch: WriteBatchRows; more: boolean }
  | { op: 'begin' }
  | { op: 'commit' }
  | { op: 'rollback' }
  | { op: 'set-setting'; key: string; value: string }
  | { op: 'set-recipients'; id: string; principals: string[] }
  | { op: 'remove'; removal: Removal }
  | { op: 'index-search' }
  | { op: 'close' }
);

export type WriterResponse =
  | { ticket: number; ok: true; result: unknown }
  | { ticket: number; ok: false; error: { name: string; message: string; code?: string } };

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
  /** Bytes of its JSON text: the rows' texts lie one after another in the batch's `json`. */
  jsonLength: number;
  /** How many of the batch's edges, taken in order, belong to this row. */
  edgeCount: number;
}

/**
 * The rows of a batch, column by column. A message spells out the property names of every object in it:
 * in columns each name travels once per batch instead of once per row.
 */
export interface WriteColumns {
  id: string[];
  type: string[];
  versionKey: string[];
  modified: (string | null)[];
  specVersion: string[];
  createdBy: (string | null)[];
  tlp: (TlpLevel | null)[];
  collection: (string | null)[];
  suppliedAccount: (string | null)[];
  suppliedOrg: (string | null)[];
  /** 1 for a revoked version. */
  revoked: Uint8Array;
  jsonLength: Int32Array;
  edgeCount: Int32Array;
}

/** The rows the columns hold, on the writer's side. */
export function rowsOf(c: WriteColumns): WriteRow[] {
  return c.id.map((id, i) => ({
    id,
    type: c.type[i]!,
    versionKey: c.versionKey[i]!,
    modified: c.modified[i]!,
    specVersion: c.specVersion[i]!,
    createdBy: c.createdBy[i]!,
    revoked: c.revoked[i] === 1,
    tlp: c.tlp[i]!,
    collection: c.collection[i]!,
    suppliedAccount: c.suppliedAccount[i]!,
    suppliedOrg: c.suppliedOrg[i]!,
    jsonLength: c.jsonLength[i]!,
    edgeCount: c.edgeCount[i]!,
  }));
}

/**
 * Fields of one indexed edge: its node, via, far end (-1 for a reference) and direction (1 when the node is
 * the source of an SRO's edge, -1 when it is the target, 0 for a reference); see EdgeSink.
 */
export const EDGE_FIELDS = 4;

/**
 * A batch on its way to the writer thread. Posting a message copies every string in it one by one, and the
 * edges name the same few identifiers over and over (an identity, a marking definition, a property name): so
 * each distinct name travels once and the edges are indexes into them, in one typed array.
 */
export interface WriteBatchRows {
  rows: WriteColumns;
  /**
   * The rows' JSON texts in UTF-8, end to end, in a buffer of its own: it is handed to the writer thread
   * (transferred, not copied), which stores the bytes as they are, with no string made on either side.
   */
  json: Uint8Array;
  names: string[];
  /** The EDGE_FIELDS of each edge, names given as indexes into `names`. */
  edges: Int32Array;
}

/** The edges of a batch, as the edge writer takes them. */
export type BatchEdges = Pick<WriteBatchRows, 'names' | 'edges'>;
