// GET /taxii2/ (TAXII 2.1 §4.1): the server and its API roots; open to anyone, so clients can find the hub.
import type { FastifyPluginAsync } from 'fastify';
import type { HubContext } from '../context.ts';
import { sendTaxii } from '../send.ts';
import { refuseOtherMethods } from '../method-not-allowed.ts';

export const discoveryPlugin: FastifyPluginAsync<{ ctx: HubContext }> = async (app, { ctx }) => {
  const { config } = ctx;
  app.get('/taxii2/', async (_request, reply) => sendTaxii(reply, 200, {
    title: config.title,
    ...(config.description ? { description: config.description } : {}),
    ...(config.contact ? { contact: config.contact } : {}),
    ...(config.defaultApiRoot ? { default: `/${config.defaultApiRoot}/` } : {}),
    api_roots: config.apiRoots.map((root) => `/${root.path}/`),
  }));
  refuseOtherMethods(app, '/taxii2/', ['GET']);
};
