// The hook of every signed-in route: a bearer token proves the account, the view collection decides what it reads.
import type { FastifyRequest } from 'fastify';
import type { Account, CollectionConfig, Rights } from '../access/model.ts';
import { rightsFor } from '../access/rights.ts';
import { visibilityFor } from '../access/visibility.ts';
import { viewQuery } from '../access/view-query.ts';
import type { CollectionRef, WebApiContext } from './context.ts';
import { WebApiError } from './errors.ts';
import { Reader } from './reader.ts';

export function signedIn(ctx: WebApiContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const account = await authenticated(ctx, request.headers.authorization, request.ip);
    request.webReader = await readerFor(ctx, account);
  };
}

export async function authenticated(ctx: WebApiContext, header: string | undefined, client: string): Promise<Account> {
  const result = await ctx.authenticator.authenticate(header, client);
  if (result.outcome === 'authenticated') return result.account;
  if (result.outcome === 'anonymous') throw new WebApiError('authentication-required', 'sign in first');
  if (result.outcome === 'throttled') {
    throw new WebApiError('too-many-attempts', `too many failed attempts; try again in ${Math.ceil(result.retryAfter / 60)} min`);
  }
  throw new WebApiError('credentials-rejected', 'the session has ended or the credentials are wrong; sign in again');
}

/** A configured collection and the account's rights on it; no rights when the collection does not exist. */
async function rightsOn(ctx: WebApiContext, account: Account, ref: CollectionRef): Promise<{ collection: CollectionConfig | null; rights: Rights }> {
  const collection = await ctx.access.collection(ref.apiRoot, ref.collection);
  const rights = collection ? rightsFor(account, collection, await ctx.access.grants(collection.id)) : { read: false, write: false };
  return { collection, rights };
}

/** 403 unless the account may write to the stored collection the UI publishes to; `action` says what it wanted. */
export async function publishingCollection(ctx: WebApiContext, account: Account, action: string): Promise<CollectionConfig> {
  const { collection, rights } = await rightsOn(ctx, account, ctx.publishTo);
  if (!collection || collection.kind !== 'stored' || !rights.write) {
    throw new WebApiError('forbidden', `account ${account.id} may not ${action}: it needs the write right on collection ${ctx.publishTo.collection} of API root ${ctx.publishTo.apiRoot}`);
  }
  return collection;
}

/** 403 unless the account may read the view collection: the UI shows nothing TAXII would not serve it. */
export async function readerFor(ctx: WebApiContext, account: Account): Promise<Reader> {
  const { collection, rights } = await rightsOn(ctx, account, ctx.view);
  if (!collection || !rights.read) {
    throw new WebApiError('forbidden',
      `account ${account.id} may not read the knowledge base (collection ${ctx.view.collection} of API root ${ctx.view.apiRoot}); ask the hub's operator for the read right`);
  }
  // A stored collection holds some versions of some objects; the UI's search and graph read the knowledge base whole.
  if (collection.kind !== 'view') {
    throw new WebApiError('forbidden', `the web UI reads through a view collection, and ${ctx.view.apiRoot}/${ctx.view.collection} is a stored one; set TOCSIN_WEB_VIEW to a view`);
  }
  const visibility = visibilityFor(account, collection, await ctx.access.identitiesOf(account.org));
  return new Reader(ctx.store, account, visibility, collection.filter ? viewQuery(collection.filter, ctx.now()) : {});
}

export function readerOf(request: FastifyRequest): Reader {
  // The hook runs before every route of the signed-in scope; its absence is a wiring mistake, not a user's.
  if (!request.webReader) throw new WebApiError('internal', 'the request reached a signed-in route without a session');
  return request.webReader;
}
