// GET /api/graph/:id: one step of an object's neighbourhood, for the graph view to expand node by node.
import type { FastifyPluginAsync } from 'fastify';
import { WebApiError } from './errors.ts';
import { readerOf } from './signed-in.ts';
import { summarize, type ObjectSummary } from './summary.ts';

const DEFAULT_MAX = 150;
const SRO_ENDPOINTS = new Set(['source_ref', 'target_ref', 'where_sighted_refs']);
// Threat context first: a group's hundreds of indicators should not crowd out its techniques and malware.
const PRIORITY = ['intrusion-set', 'threat-actor', 'campaign', 'malware', 'tool', 'attack-pattern', 'report', 'identity', 'location', 'vulnerability', 'course-of-action', 'opinion', 'sighting'];

export const graphPlugin: FastifyPluginAsync = async (app) => {
  app.get('/api/graph/:id', async (request) => {
    const { id } = request.params as { id: string };
    const query = request.query as { max?: string; type?: string | string[] };
    const max = query.max === undefined ? DEFAULT_MAX : Number(query.max);
    if (!Number.isInteger(max) || max < 1 || max > 1000) throw new WebApiError('bad-request', 'max must be between 1 and 1000');
    const types = query.type === undefined ? null : new Set((Array.isArray(query.type) ? query.type : query.type.split(',')).filter(Boolean));
    const reader = readerOf(request);
    const centre = await reader.one(id);
    // Into an endpoint, an SRO's own reference duplicates the relationship edge; out of the SRO it names its ends.
    const edges = (await reader.edges(id)).filter((e) => !(SRO_ENDPOINTS.has(e.via) && e.through === undefined && e.target === id));
    const otherOf = (e: { source: string; target: string }): string => (e.source === id ? e.target : e.source);
    const found = await reader.latest(edges.map(otherOf));
    const neighbours = [...found.values()].filter((v) => v.id !== id && (types === null || types.has(v.type)));
    const byType = new Map<string, number>();
    for (const v of neighbours) byType.set(v.type, (byType.get(v.type) ?? 0) + 1);
    const rank = (type: string): number => { const i = PRIORITY.indexOf(type); return i < 0 ? PRIORITY.length : i; };
    const kept = neighbours.sort((a, b) => rank(a.type) - rank(b.type) || a.id.localeCompare(b.id)).slice(0, max);
    const nodes: ObjectSummary[] = [summarize(centre), ...kept.map((v) => summarize(v))];
    const ids = new Set(nodes.map((n) => n.id));
    const shown = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    const unique = new Map(shown.map((e) => [`${e.source} ${e.via} ${e.target} ${e.through ?? ''}`, { source: e.source, target: e.target, via: e.via, through: e.through ?? null }]));
    return {
      centre: id,
      nodes,
      edges: [...unique.values()],
      neighbours: [...byType].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count),
      truncated: neighbours.length > kept.length,
    };
  });
};
