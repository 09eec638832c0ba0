// GET /api/home: counts by type, the most active actors, and what is new since the analyst's last visit.
import type { FastifyPluginAsync } from 'fastify';
import type { WebApiContext } from './context.ts';
import { WebApiError } from './errors.ts';
import { holdingsFor, RECENT_KINDS, type RecentKind } from './holdings.ts';
import { readerOf } from './signed-in.ts';

export const homePlugin: FastifyPluginAsync<{ ctx: WebApiContext }> = async (app, { ctx }) => {
  app.get('/api/home', async (request) => {
    const { since } = request.query as { since?: string };
    if (since !== undefined && Number.isNaN(Date.parse(since))) throw new WebApiError('bad-request', 'since must be an RFC 3339 timestamp');
    const { added, at: _at, ...holdings } = await holdingsFor(readerOf(request), ctx.now());
    const newSince = {} as Record<RecentKind, number>;
    for (const kind of RECENT_KINDS) {
      // dateAdded has microseconds; comparing instants, not strings, keeps a millisecond `since` exact.
      newSince[kind] = since === undefined ? 0 : added[kind].filter((d) => Date.parse(d) > Date.parse(since)).length;
    }
    return { ...holdings, since: since ?? null, newSince };
  });
};
