// GET /api/search?q=…&type=…: names, aliases, descriptions, indicator patterns and external ids, with type facets.
import type { FastifyPluginAsync } from 'fastify';
import { WebApiError } from './errors.ts';
import { readerOf } from './signed-in.ts';
import { externalIdOf, summarize } from './summary.ts';

const MAX_LIMIT = 200;
// Named threat context outranks the many indicators and observables that mention the same words.
const ENTITY_TYPES = ['intrusion-set', 'threat-actor', 'campaign', 'malware', 'tool', 'attack-pattern', 'report', 'identity', 'course-of-action', 'vulnerability', 'location', 'infrastructure'];

export const searchPlugin: FastifyPluginAsync = async (app) => {
  app.get('/api/search', async (request) => {
    const query = request.query as { q?: string; type?: string | string[]; limit?: string };
    const text = (query.q ?? '').trim();
    if (text === '') throw new WebApiError('bad-request', 'type something to search for');
    const types = query.type === undefined ? undefined : (Array.isArray(query.type) ? query.type : query.type.split(',')).filter(Boolean);
    const limit = query.limit === undefined ? 50 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new WebApiError('bad-request', `limit must be between 1 and ${MAX_LIMIT}`);
    const started = performance.now();
    const reader = readerOf(request);
    const wanted = types && types.length > 0 ? types : undefined;
    const result = await reader.search(text, wanted, limit);
    if (!wanted) {
      const entities = await reader.search(text, ENTITY_TYPES, Math.min(limit, 20));
      const seen = new Set(entities.hits.map((h) => h.id));
      result.hits = [...entities.hits.sort((a, b) => exactness(b, text) - exactness(a, text)), ...result.hits.filter((h) => !seen.has(h.id))].slice(0, limit);
    }
    return {
      query: text,
      hits: result.hits.map((v) => {
        const object = JSON.parse(v.json) as Record<string, unknown>;
        return {
          ...summarize(v, object),
          aliases: Array.isArray(object.aliases) ? object.aliases : [],
          description: typeof object.description === 'string' ? object.description.slice(0, 280) : '',
          pattern: typeof object.pattern === 'string' ? object.pattern : null,
        };
      }),
      facets: result.facets,
      total: result.facets.reduce((sum, f) => sum + f.count, 0),
      tookMs: Math.round(performance.now() - started),
    };
  });
};

/** 2 when the name is what was typed, 1 when an alias or external id is, else 0. */
function exactness(version: { json: string }, text: string): number {
  const object = JSON.parse(version.json) as Record<string, unknown>;
  const wanted = text.toLowerCase();
  if (typeof object.name === 'string' && object.name.toLowerCase().startsWith(wanted)) return 2;
  const aliases = Array.isArray(object.aliases) ? object.aliases : [];
  if (aliases.some((a) => typeof a === 'string' && a.toLowerCase() === wanted)) return 1;
  return externalIdOf(object)?.toLowerCase() === wanted ? 1 : 0;
}
