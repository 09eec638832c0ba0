// GET {api-root}/collections/{id}/objects/{object-id}/versions/ (TAXII 2.1 §5.8): the visible versions of one object.
import type { FastifyPluginAsync } from 'fastify';
import type { HubContext } from '../context.ts';
import { parseFilters, VERSIONS_FILTERS } from '../filters.ts';
import { dateAddedHeaders, pagingMembers, scoped, versionOf } from '../scope.ts';
import { sendTaxii } from '../send.ts';
import { refuseOtherMethods } from '../method-not-allowed.ts';
import { TaxiiError } from '../../errors.ts';

const URL = '/collections/:collectionId/objects/:objectId/versions/';

export const versionsPlugin: FastifyPluginAsync<{ ctx: HubContext }> = async (app, { ctx }) => {
  app.get(URL, { config: { need: 'read' } }, async (request, reply) => {
    const { objectId } = request.params as { objectId: string };
    const access = request.collectionAccess!;
    const filters = parseFilters(request.query as Record<string, unknown>, VERSIONS_FILTERS, ctx.config.maxPageSize);
    const page = await ctx.store.query(scoped(access, { ...filters, ids: [objectId], versions: 'all' }, ctx.now()));
    if (page.versions.length === 0 && filters.cursor === undefined) {
      const any = await ctx.store.query(scoped(access, { ids: [objectId], versions: 'all', limit: 1 }, ctx.now()));
      if (any.versions.length === 0) throw new TaxiiError('not-found', `no object ${objectId} in this collection`);
    }
    dateAddedHeaders(reply, page.versions);
    const versions = page.versions.length > 0 ? `,"versions":${JSON.stringify(page.versions.map(versionOf))}` : '';
    return sendTaxii(reply, 200, `{${pagingMembers(page)}${versions}}`);
  });
  refuseOtherMethods(app, URL, ['GET']);
};
