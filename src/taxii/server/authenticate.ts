// The authentication hook of every API root: 401 with a WWW-Authenticate challenge unless credentials prove an account.
import type { FastifyRequest } from 'fastify';
import { TaxiiError } from '../errors.ts';
import type { HubContext } from './context.ts';

/** §1.6.9: the challenge names both schemes the hub accepts. */
const CHALLENGE = 'Basic realm="tocsin", charset="UTF-8", Bearer realm="tocsin"';

export function authenticate(ctx: HubContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const result = await ctx.authenticator.authenticate(request.headers.authorization, request.ip);
    if (result.outcome === 'authenticated') {
      request.account = result.account;
      return;
    }
    const challenge = { 'www-authenticate': CHALLENGE };
    if (result.outcome === 'anonymous') throw new TaxiiError('authentication-required', 'this API root needs HTTP Basic credentials or an API token', undefined, challenge);
    if (result.outcome === 'throttled') {
      throw new TaxiiError('credentials-rejected', `too many failed attempts with these credentials; try again in ${result.retryAfter} s`, undefined,
        { ...challenge, 'retry-after': String(result.retryAfter) });
    }
    throw new TaxiiError('credentials-rejected', 'the credentials are unknown, wrong, revoked or expired', undefined, challenge);
  };
}
