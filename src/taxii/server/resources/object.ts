// GET and DELETE {api-root}/collections/{id}/objects/{object-id}/ (TAXII 2.1 §5.6, §5.7).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { HubContext } from '../context.ts';
import { DELETE_FILTERS, OBJECT_FILTERS, parseFilters } from '../filters.ts';
import { dateAddedHeaders, pagingMembers, scoped } from '../scope.ts';
import { sendTaxii } from '../send.ts';
import { refuseOtherMethods } from '../method-not-allowed.ts';
import { TaxiiError } from '../../errors.ts';
import { TAXII_MEDIA_TYPE } from '../../media-types.ts';

const URL = '/collections/:collectionId/objects/:objectId/';

export const objectPlugin: FastifyPluginAsync<{ ctx: HubContext }> = async (app, { ctx }) => {
  /** 404 unless some version of the object is in the collection and visible to the account. */
  const mustExist = async (request: FastifyRequest, objectId: string): Promise<void> => {
    const any = await ctx.store.query(scoped(request.collectionAccess!, { ids: [objectId], versions: 'all', limit: 1 }, ctx.now()));
    if (any.versions.length === 0) throw new TaxiiError('not-found', `no object ${objectId} in this collection`);
  };

  app.get(URL, { config: { need: 'read' } }, async (request, reply) => {
    const { objectId } = request.params as { objectId: string };
    const filters = parseFilters(request.query as Record<string, unknown>, OBJECT_FILTERS, ctx.config.maxPageSize);
    const page = await ctx.store.query(scoped(request.collectionAccess!, { ...filters, ids: [objectId] }, ctx.now()));
    if (page.versions.length === 0 && filters.cursor === undefined) await mustExist(request, objectId);
    dateAddedHeaders(reply, page.versions);
    const objects = page.versions.length > 0 ? `,"objects":[${page.versions.map((v) => v.json).join(',')}]` : '';
    return sendTaxii(reply, 200, `{${pagingMembers(page)}${objects}}`);
  });

  app.delete(URL, { config: { need: 'read+write' } }, async (request, reply) => {
    const { objectId } = request.params as { objectId: string };
    const access = request.collectionAccess!;
    const filters = parseFilters(request.query as Record<string, unknown>, DELETE_FILTERS, Number.MAX_SAFE_INTEGER);
    delete filters.limit;
    // Only versions the account can see are removed: deleting must not reveal, or touch, what it cannot see.
    const page = await ctx.store.query(scoped(access, { ...filters, ids: [objectId], versions: filters.versions ?? 'all' }, ctx.now()));
    if (page.versions.length === 0) throw new TaxiiError('not-found', `no matching version of ${objectId} in this collection`);
    const modified = page.versions.flatMap((v) => (v.modified === null ? [] : [v.modified]));
    const unversioned = page.versions.some((v) => v.modified === null);
    if (unversioned) await ctx.store.removeFromCollection(access.collection.id, objectId, 'all');
    if (modified.length > 0) await ctx.store.removeFromCollection(access.collection.id, objectId, { modified });
    return reply.code(200).header('content-type', TAXII_MEDIA_TYPE).send(Buffer.alloc(0));
  });
  refuseOtherMethods(app, URL, ['GET', 'DELETE']);
};
