// GET {api-root}/status/{status-id}/ (TAXII 2.1 §4.3): the outcome of an earlier POST, shown only to the account that made it.
import type { FastifyPluginAsync } from 'fastify';
import type { ApiRootOptions, HubContext } from '../context.ts';
import { TaxiiError } from '../../errors.ts';
import { sendTaxii } from '../send.ts';
import { refuseOtherMethods } from '../method-not-allowed.ts';

export const statusPlugin: FastifyPluginAsync<ApiRootOptions & { ctx: HubContext }> = async (app, { root, ctx }) => {
  app.get('/status/:statusId/', async (request, reply) => {
    const { statusId } = request.params as { statusId: string };
    const status = await ctx.access.status(statusId);
    // Another account's status would reveal the objects it posted: it does not exist for this one.
    if (!status || status.apiRoot !== root.path || status.account !== request.account!.id) {
      throw new TaxiiError('not-found', `no status ${statusId} for this account in this API root`);
    }
    return sendTaxii(reply, 200, status.json);
  });
  refuseOtherMethods(app, '/status/:statusId/', ['GET']);
};
