// The hook of every collection route: which collection, whether the account may know it, use it, and what it may see.
import type { FastifyRequest } from 'fastify';
import { mayKnow, rightsFor } from '../../access/rights.ts';
import { visibilityFor } from '../../access/visibility.ts';
import { TaxiiError } from '../errors.ts';
import type { CollectionAccess, HubContext } from './context.ts';

export function collectionAccess(ctx: HubContext, apiRoot: string) {
  return async (request: FastifyRequest): Promise<void> => {
    const account = request.account!;
    const { collectionId } = request.params as { collectionId: string };
    const collection = await ctx.access.collection(apiRoot, collectionId);
    const rights = collection ? rightsFor(account, collection, await ctx.access.grants(collection.id)) : { read: false, write: false };
    // §5.2: a collection the account has no right on is answered exactly like one that does not exist.
    if (!collection || !mayKnow(rights)) throw new TaxiiError('not-found', `no collection ${collectionId} in this API root`);
    const need = request.routeOptions.config.need ?? 'know';
    const wantsRead = need === 'read' || need === 'read+write';
    const wantsWrite = need === 'write' || need === 'read+write';
    if ((wantsRead && !rights.read) || (wantsWrite && !rights.write)) {
      throw new TaxiiError('forbidden', `this account may not ${need === 'read' ? 'read' : need === 'write' ? 'add objects to' : 'delete objects from'} the collection`, {
        can_read: rights.read, can_write: rights.write,
      });
    }
    const access: CollectionAccess = {
      collection, rights, visibility: visibilityFor(account, collection, await ctx.access.identitiesOf(account.org)),
    };
    request.collectionAccess = access;
  };
}
