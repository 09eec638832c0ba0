// TAXII 2.1 §3.1 lists each endpoint's methods; any other method on the URL is a 405 with an Allow header.
import type { FastifyInstance } from 'fastify';
import { TaxiiError } from '../errors.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export function refuseOtherMethods(app: FastifyInstance, url: string, allowed: string[]): void {
  const others = METHODS.filter((m) => !allowed.includes(m));
  const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
  app.route({
    method: others,
    url,
    handler: async (request) => {
      throw new TaxiiError('method-not-allowed', `${request.method} is not defined for this endpoint`, { allowed: allow }, { allow: allow.join(', ') });
    },
  });
}
