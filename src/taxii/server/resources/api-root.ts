// GET {api-root}/ (TAXII 2.1 §4.2): what the API root is and how large a POST it takes.
import type { FastifyPluginAsync } from 'fastify';
import type { ApiRootOptions } from '../context.ts';
import { TAXII_MEDIA_TYPE } from '../../media-types.ts';
import { sendTaxii } from '../send.ts';
import { refuseOtherMethods } from '../method-not-allowed.ts';

export const apiRootPlugin: FastifyPluginAsync<ApiRootOptions> = async (app, { root }) => {
  app.get('/', async (_request, reply) => sendTaxii(reply, 200, {
    title: root.title,
    ...(root.description ? { description: root.description } : {}),
    versions: [TAXII_MEDIA_TYPE],
    max_content_length: root.maxContentLength,
  }));
  refuseOtherMethods(app, '/', ['GET']);
};
