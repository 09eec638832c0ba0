// GET {api-root}/collections/{id}/manifest/ (TAXII 2.1 §5.3): one record per visible version, filtered like objects.
import type { FastifyPluginAsync } from 'fastify';
import type { HubContext } from '../context.ts';
import { COLLECTION_FILTERS, parseFilters } from '../filters.ts';
import { dateAddedHeaders, pagingMembers, scoped, versionOf } from '../scope.ts';
import { sendTaxii } from '../send.ts';
import { refuseOtherMethods } from '../method-not-allowed.ts';

export const manifestPlugin: FastifyPluginAsync<{ ctx: HubContext }> = async (app, { ctx }) => {
  app.get('/collections/:collectionId/manifest/', { config: { need: 'read' } }, async (request, reply) => {
    const filters = parseFilters(request.query as Record<string, unknown>, COLLECTION_FILTERS, ctx.config.maxPageSize);
    const page = await ctx.store.query(scoped(request.collectionAccess!, filters, ctx.now()));
    dateAddedHeaders(reply, page.versions);
    const records = page.versions.map((v) => JSON.stringify({
      id: v.id, date_added: v.dateAdded, version: versionOf(v), media_type: `application/stix+json;version=${v.specVersion}`,
    }));
    return sendTaxii(reply, 200, `{${pagingMembers(page)}${records.length > 0 ? `,"objects":[${records.join(',')}]` : ''}}`);
  });
  refuseOtherMethods(app, '/collections/:collectionId/manifest/', ['GET']);
};
