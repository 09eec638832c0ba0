// GET {api-root}/collections/{id}/ (TAXII 2.1 §5.2): one collection and what the account may do with it.
import type { FastifyPluginAsync } from 'fastify';
import { sendTaxii } from '../send.ts';
import { refuseOtherMethods } from '../method-not-allowed.ts';
import { collectionResource } from './collections.ts';

export const collectionPlugin: FastifyPluginAsync = async (app) => {
  app.get('/collections/:collectionId/', { config: { need: 'know' } }, async (request, reply) => {
    const { collection, rights } = request.collectionAccess!;
    return sendTaxii(reply, 200, collectionResource(collection, rights));
  });
  refuseOtherMethods(app, '/collections/:collectionId/', ['GET']);
};
