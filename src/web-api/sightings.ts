// GET /api/sightings: what matched in our telemetry, when and how often, with the indicator and the actors it points to.
import type { FastifyPluginAsync } from 'fastify';
import { readerOf } from './signed-in.ts';
import { summarize } from './summary.ts';

const SHOWN = 200;

export const sightingsPlugin: FastifyPluginAsync = async (app) => {
  app.get('/api/sightings', async (request) => {
    const reader = readerOf(request);
    const sightings = (await reader.all({ types: ['sighting'], versions: 'latest', includeRevoked: false }))
      .map((v) => ({ v, o: JSON.parse(v.json) as Record<string, unknown> }))
      .sort((a, b) => String(b.o.last_seen ?? b.v.dateAdded).localeCompare(String(a.o.last_seen ?? a.v.dateAdded)));
    const shown = sightings.slice(0, SHOWN);
    const indicatorIds = [...new Set(shown.map(({ o }) => o.sighting_of_ref).filter((x): x is string => typeof x === 'string'))];
    const indicators = await reader.latest(indicatorIds);
    const actorsOf = new Map<string, string[]>();
    for (const indicator of indicators.keys()) {
      actorsOf.set(indicator, (await reader.edges(indicator)).filter((e) => e.via === 'indicates' && e.source === indicator).map((e) => e.target));
    }
    const actors = await reader.latest([...actorsOf.values()].flat());
    return {
      total: sightings.length,
      sightings: shown.map(({ v, o }) => {
        const indicator = typeof o.sighting_of_ref === 'string' ? indicators.get(o.sighting_of_ref) : undefined;
        return {
          sighting: summarize(v, o),
          firstSeen: typeof o.first_seen === 'string' ? o.first_seen : null,
          lastSeen: typeof o.last_seen === 'string' ? o.last_seen : null,
          count: typeof o.count === 'number' ? o.count : 1,
          indicator: indicator ? summarize(indicator) : null,
          actors: (indicator ? actorsOf.get(indicator.id) ?? [] : []).map((a) => actors.get(a)).filter((a) => a !== undefined).map((a) => summarize(a)),
        };
      }),
    };
  });
};
