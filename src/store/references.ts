// Finds the graph edges an object carries: embedded `_ref`/`_refs` properties and SRO endpoints.
import type { Edge } from './store.ts';

const ENDPOINTS: Record<string, ReadonlySet<string>> = {
  relationship: new Set(['source_ref', 'target_ref']),
  sighting: new Set(['sighting_of_ref', 'where_sighted_refs']),
};

/** Receives each reference found: the identifier referred to and the property holding it. */
type ReferenceSink = (target: string, via: string) => void;

/**
 * Receives each edge to index, as seen from the node it is filed under. A reference is filed under its
 * target, and goes from the object carrying it: `far` is undefined. The edge an SRO makes is filed under
 * each endpoint, and the SRO carries it: `far` is the other endpoint, and `outgoing` tells whether the node
 * is the edge's source.
 */
export type EdgeSink = (node: string, via: string, far: string | undefined, outgoing: boolean) => void;

/**
 * All edges of one object version: its embedded references (outgoing from the object), and for an SRO the
 * edge it makes between its endpoints (e.g. intrusion-set —uses→ malware, through the relationship).
 */
export function edgesOf(object: Record<string, unknown>): Edge[] {
  const source = object.id as string;
  const edges: Edge[] = [];
  references(object, (target, via) => { edges.push({ source, target, via }); });
  sroEdges(object, (from, to, via, through) => { edges.push({ source: from, target: to, via, through }); });
  return edges;
}

/**
 * The edges to index for lookups from the other end, each given with the node it is filed under. An
 * object's own outgoing references are read from its JSON when needed, so only incoming ends are indexed;
 * an SRO's endpoint references are covered by the edge it makes, which is filed under both endpoints; and
 * the object's own `created_by_ref` is answered by the store's creator column instead. Edges go straight to
 * the sink, without objects of their own: every imported object passes here.
 */
export function forEachIndexedEdge(object: Record<string, unknown>, file: EdgeSink): void {
  const endpoints = ENDPOINTS[object.type as string];
  const creator = object.created_by_ref;
  references(object, (target, via) => {
    if (!endpoints?.has(via) && !(via === 'created_by_ref' && target === creator)) file(target, via, undefined, false);
  });
  sroEdges(object, (from, to, via) => {
    file(from, via, to, true);
    file(to, via, from, false);
  });
}

const LETTER_F = 0x66;
const LETTER_S = 0x73;

function references(value: unknown, found: ReferenceSink): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') references(item, found);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const key in value as Record<string, unknown>) {
    const child = (value as Record<string, unknown>)[key];
    // The last letter first: it rules out most keys for a fraction of what endsWith costs, on every key imported.
    const last = key.charCodeAt(key.length - 1);
    if (last === LETTER_F && key.endsWith('_ref')) {
      if (typeof child === 'string' && isIdentifier(child)) found(child, key);
    } else if (last === LETTER_S && key.endsWith('_refs')) {
      if (Array.isArray(child)) for (const target of child) if (typeof target === 'string' && isIdentifier(target)) found(target, key);
    } else if (child !== null && typeof child === 'object') {
      // Extensions and other nested dictionaries and lists may hold references too.
      references(child, found);
    }
  }
}

/** The edge between an SRO's endpoints: a relationship's, or one per place a sighting was made. */
function sroEdges(object: Record<string, unknown>, found: (source: string, target: string, via: string, through: string) => void): void {
  const id = object.id as string;
  if (object.type === 'relationship') {
    const { source_ref: source, target_ref: target, relationship_type: via } = object;
    if (typeof source === 'string' && typeof target === 'string' && typeof via === 'string') found(source, target, via, id);
  } else if (object.type === 'sighting') {
    const sighted = object.sighting_of_ref;
    if (typeof sighted !== 'string') return;
    const where = Array.isArray(object.where_sighted_refs) ? object.where_sighted_refs : [];
    for (const place of where) if (typeof place === 'string') found(place, sighted, 'sighted', id);
  }
}

/**
 * Whether text has the shape `type--` followed by 36 UUID characters (/^[a-z][a-z0-9-]*--[0-9a-fA-F-]{36}$/).
 * Checked by hand because every reference of every imported object passes here, and the regular expression
 * was a measurable part of an import.
 */
export function isIdentifier(text: string): boolean {
  const uuidStart = text.length - 36;
  if (uuidStart < 3 || text.charCodeAt(uuidStart - 1) !== 0x2d || text.charCodeAt(uuidStart - 2) !== 0x2d) return false;
  const first = text.charCodeAt(0);
  if (first < 0x61 || first > 0x7a) return false;
  for (let i = 1; i < uuidStart - 2; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) return false;
  }
  for (let i = uuidStart; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46) || c === 0x2d)) return false;
  }
  return true;
}
