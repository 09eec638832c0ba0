// An object's visible edges as groups an analyst reads: "uses → attack-pattern", "indicates ← indicator", "object_refs ← report".
import type { Edge } from '../store/store.ts';
import type { Reader } from './reader.ts';
import { summarize, type ObjectSummary } from './summary.ts';

export interface RelatedItem {
  /** The object at the other end (a bare id and type when the store does not hold it). */
  other: ObjectSummary;
  /** The relationship or sighting carrying the edge, with its confidence and description. */
  via: (ObjectSummary & { confidence: number | null; description: string }) | null;
}

export interface RelationshipGroup {
  /** `uses`, `indicates`, `object_refs`, … */
  kind: string;
  direction: 'out' | 'in';
  /** True for SROs and sightings, false for embedded references. */
  relationship: boolean;
  total: number;
  items: RelatedItem[];
}

const SHOWN_PER_GROUP = 200;
const SRO_ENDPOINTS = new Set(['source_ref', 'target_ref', 'where_sighted_refs']);

export async function relationshipGroups(reader: Reader, id: string, edges: Edge[]): Promise<RelationshipGroup[]> {
  // Into an endpoint, an SRO's own reference duplicates the relationship edge; out of the SRO it names its ends.
  const shown = edges.filter((e) => !(SRO_ENDPOINTS.has(e.via) && e.through === undefined && e.target === id));
  const groups = new Map<string, RelationshipGroup & { edges: Edge[] }>();
  for (const edge of shown) {
    const direction = edge.source === id ? 'out' : 'in';
    const key = `${edge.via} ${direction}`;
    let group = groups.get(key);
    if (!group) groups.set(key, group = { kind: edge.via, direction, relationship: edge.through !== undefined, total: 0, items: [], edges: [] });
    group.total++;
    if (group.edges.length < SHOWN_PER_GROUP) group.edges.push(edge);
  }
  const wanted = [...groups.values()].flatMap((g) => g.edges.flatMap((e) => [e.source === id ? e.target : e.source, ...(e.through ? [e.through] : [])]));
  const found = await reader.latest(wanted);
  const parsed = new Map<string, Record<string, unknown>>();
  const objectOf = (key: string): Record<string, unknown> | null => {
    const v = found.get(key);
    if (!v) return null;
    let o = parsed.get(key);
    if (!o) parsed.set(key, o = JSON.parse(v.json) as Record<string, unknown>);
    return o;
  };
  const result: RelationshipGroup[] = [];
  for (const { edges: groupEdges, ...group } of groups.values()) {
    group.items = groupEdges.map((e) => {
      const otherId = e.source === id ? e.target : e.source;
      const other = found.get(otherId);
      const through = e.through ? found.get(e.through) : undefined;
      const throughObject = e.through ? objectOf(e.through) : null;
      return {
        other: other ? summarize(other, objectOf(otherId)!) : missing(otherId),
        via: through && throughObject ? {
          ...summarize(through, throughObject),
          confidence: typeof throughObject.confidence === 'number' ? throughObject.confidence : null,
          description: typeof throughObject.description === 'string' ? throughObject.description : '',
        } : null,
      };
    }).sort((a, b) => a.other.type.localeCompare(b.other.type) || a.other.name.localeCompare(b.other.name));
    result.push(group);
  }
  return result.sort((a, b) => Number(b.relationship) - Number(a.relationship) || b.total - a.total);
}

function missing(id: string): ObjectSummary {
  return { id, type: id.split('--')[0] ?? '', name: '', tlp: null, revoked: false, externalId: null, modified: null, dateAdded: '' };
}
