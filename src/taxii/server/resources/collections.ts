// GET {api-root}/collections/ (TAXII 2.1 §5.1): the collections the account may know, in a stable order (§3.3).
import type { FastifyPluginAsync } from 'fastify';
import type { CollectionConfig, Rights } from '../../../access/model.ts';
import { mayKnow, rightsFor } from '../../../access/rights.ts';
import type { ApiRootOptions, HubContext } from '../context.ts';
import { STIX_MEDIA_TYPE } from '../../media-types.ts';
import { sendTaxii } from '../send.ts';
import { refuseOtherMethods } from '../method-not-allowed.ts';

export function collectionResource(collection: CollectionConfig, rights: Rights): Record<string, unknown> {
  return {
    id: collection.id,
    title: collection.title,
    ...(collection.description ? { description: collection.description } : {}),
    ...(collection.alias ? { alias: collection.alias } : {}),
    can_read: rights.read,
    can_write: rights.write,
    media_types: [STIX_MEDIA_TYPE],
  };
}

export const collectionsPlugin: FastifyPluginAsync<ApiRootOptions & { ctx: HubContext }> = async (app, { root, ctx }) => {
  app.get('/collections/', async (request, reply) => {
    const listed: Record<string, unknown>[] = [];
    for (const collection of await ctx.access.collections(root.path)) {
      const rights = rightsFor(request.account!, collection, await ctx.access.grants(collection.id));
      if (mayKnow(rights)) listed.push(collectionResource(collection, rights));
    }
    // §5.1.1: a list is never empty; with no collection the resource is an empty object.
    return sendTaxii(reply, 200, listed.length > 0 ? { collections: listed } : {});
  });
  refuseOtherMethods(app, '/collections/', ['GET']);

};
