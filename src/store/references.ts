// Finds the graph edges an object carries: embedded `_ref`/`_refs` properties and SRO endpoints.
import type { Edge } from './store.ts';

const IDENTIFIER = /^[a-z][a-z0-9-]*--[0-9a-fA-F-]{36}$/;

/** All edges of one object version, outgoing from the object itself unless it is an SRO. */
export function edgesOf(object: Record<string, unknown>): Edge[] {
  const id = object.id as string;
  const edges: Edge[] = [];
  collect(object, id, '', edges);
  if (object.type === 'relationship') relationshipEdge(object, id, edges);
  if (object.type === 'sighting') sightingEdges(object, id, edges);
  return edges;
}

function collect(value: unknown, source: string, prefix: string, edges: Edge[]): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') collect(item, source, prefix, edges);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key.endsWith('_ref')) {
      if (typeof child === 'string' && IDENTIFIER.test(child)) edges.push({ source, target: child, via: prefix + key });
    } else if (key.endsWith('_refs')) {
      if (Array.isArray(child)) {
        for (const target of child) {
          if (typeof target === 'string' && IDENTIFIER.test(target)) edges.push({ source, target, via: prefix + key });
        }
      }
    } else if (child !== null && typeof child === 'object') {
      // Extensions and other nested dictionaries may hold references too (e.g. an extension's `*_ref`).
      collect(child, source, key === 'extensions' ? '' : prefix, edges);
    }
  }
}

function relationshipEdge(object: Record<string, unknown>, id: string, edges: Edge[]): void {
  const { source_ref: source, target_ref: target, relationship_type: via } = object;
  if (typeof source === 'string' && typeof target === 'string' && typeof via === 'string') {
    edges.push({ source, target, via, through: id });
  }
}

function sightingEdges(object: Record<string, unknown>, id: string, edges: Edge[]): void {
  const sighted = object.sighting_of_ref;
  if (typeof sighted !== 'string') return;
  const where = Array.isArray(object.where_sighted_refs) ? object.where_sighted_refs : [];
  for (const place of where) {
    if (typeof place === 'string') edges.push({ source: place, target: sighted, via: 'sighted', through: id });
  }
}
