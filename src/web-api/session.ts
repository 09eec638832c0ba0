// POST /api/session signs in with an account's password and issues an API token; DELETE revokes it; GET says who.
import type { FastifyPluginAsync } from 'fastify';
import { parseAuthorization } from '../access/credentials.ts';
import { issueToken } from '../access/issue-token.ts';
import type { WebApiContext } from './context.ts';
import { WebApiError } from './errors.ts';
import { authenticated, readerFor } from './signed-in.ts';

/** A session ends after a working day; the token is useless afterwards, also against TAXII. */
const SESSION_HOURS = 12;

interface SignIn {
  account?: unknown;
  password?: unknown;
}

export const sessionPlugin: FastifyPluginAsync<{ ctx: WebApiContext }> = async (app, { ctx }) => {
  app.post('/api/session', async (request, reply) => {
    const body = (request.body ?? {}) as SignIn;
    if (typeof body.account !== 'string' || typeof body.password !== 'string' || body.account === '' || body.password === '') {
      throw new WebApiError('bad-request', 'give an account and its password');
    }
    const basic = `Basic ${Buffer.from(`${body.account}:${body.password}`).toString('base64')}`;
    const account = await authenticated(ctx, basic, request.ip).catch((err: unknown) => {
      if (err instanceof WebApiError && err.code === 'credentials-rejected') throw new WebApiError('credentials-rejected', 'unknown account or wrong password');
      throw err;
    });
    // Refused before a token exists, so an account without the right never holds a session.
    const reader = await readerFor(ctx, account);
    const token = await issueToken(ctx.access, account.id, ctx.now(), SESSION_HOURS * 3_600_000);
    const org = await ctx.access.org(account.org);
    return reply.code(201).send({ token: token.value, account: { ...account, orgName: org?.name ?? account.org, defaultTlp: reader.visibility.unmarked } });
  });

  app.get('/api/session', async (request) => {
    const account = await authenticated(ctx, request.headers.authorization, request.ip);
    const reader = await readerFor(ctx, account);
    const org = await ctx.access.org(account.org);
    // Unmarked objects are shared at the view's default level; the UI says which on their banners.
    return { account: { ...account, orgName: org?.name ?? account.org, defaultTlp: reader.visibility.unmarked } };
  });

  app.delete('/api/session', async (request, reply) => {
    await authenticated(ctx, request.headers.authorization, request.ip);
    const credentials = parseAuthorization(request.headers.authorization);
    if (credentials?.scheme !== 'bearer') throw new WebApiError('bad-request', 'only a session token can be signed out');
    await ctx.access.revokeToken(credentials.tokenId);
    return reply.code(204).send();
  });
};
