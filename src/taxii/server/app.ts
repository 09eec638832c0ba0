// The TAXII 2.1 server as a fastify application: negotiation and errors for all, authentication per API root.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Store } from '../../store/store.ts';
import type { AccessStore } from '../../store/access-store.ts';
import { Authenticator } from '../../access/authenticator.ts';
import { InvalidCursorError, InvalidTimestampError } from '../../store/errors.ts';
import { TaxiiError } from '../errors.ts';
import type { HubContext } from './context.ts';
import type { HubConfig } from './hub-config.ts';
import { negotiate } from './negotiation.ts';
import { authenticate } from './authenticate.ts';
import { collectionAccess } from './collection-access.ts';
import { sendTaxii } from './send.ts';
import { discoveryPlugin } from './resources/discovery.ts';
import { apiRootPlugin } from './resources/api-root.ts';
import { statusPlugin } from './resources/status.ts';
import { collectionsPlugin } from './resources/collections.ts';
import { collectionPlugin } from './resources/collection.ts';
import { manifestPlugin } from './resources/manifest.ts';
import { objectsPlugin } from './resources/objects.ts';
import { objectPlugin } from './resources/object.ts';
import { versionsPlugin } from './resources/versions.ts';

export interface AppOptions {
  store: Store;
  access: AccessStore;
  config: HubConfig;
  /** fastify's logger setting (pino); off unless given. */
  logger?: FastifyServerOptions['logger'];
  https?: { cert: Buffer; key: Buffer } | null;
  now?: () => number;
}

/** fastify's own errors that carry an HTTP status, as the TAXII error of that status. */
const FASTIFY_STATUS: Record<number, TaxiiError['code']> = {
  400: 'bad-parameter', 404: 'not-found', 405: 'method-not-allowed', 406: 'not-acceptable',
  413: 'too-large', 415: 'unsupported-media-type', 422: 'unprocessable',
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const ctx: HubContext = {
    store: options.store,
    access: options.access,
    config: options.config,
    authenticator: new Authenticator(options.access),
    now: options.now ?? Date.now,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    // §4.2.1: the largest root's limit here; each POST route enforces its own root's.
    bodyLimit: Math.max(...options.config.apiRoots.map((r) => r.maxContentLength)),
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance;
  app.decorateRequest('account', null);
  app.decorateRequest('collectionAccess', null);

  app.removeAllContentTypeParsers();
  // Kept as text: the POST handler parses it, so a malformed body is a TAXII 422 rather than a generic 400.
  app.addContentTypeParser('application/taxii+json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', negotiate);
  app.setErrorHandler((error, request, reply) => {
    let taxii: TaxiiError;
    if (error instanceof TaxiiError) taxii = error;
    else if (error instanceof InvalidCursorError) taxii = new TaxiiError('bad-parameter', 'next is not a value this server issued', { parameter: 'next' });
    else if (error instanceof InvalidTimestampError) taxii = new TaxiiError('bad-parameter', error.message, { parameter: error.parameter });
    else {
      const status = (error as { statusCode?: number }).statusCode;
      const code = status !== undefined ? FASTIFY_STATUS[status] : undefined;
      taxii = code ? new TaxiiError(code, (error as Error).message) : new TaxiiError('internal', 'the server failed to handle the request');
    }
    const errorId = taxii.status >= 500 ? randomUUID() : undefined;
    if (taxii.status >= 500) request.log.error({ err: error, errorId }, 'request failed');
    for (const [name, value] of Object.entries(taxii.headers)) reply.header(name, value);
    return sendTaxii(reply, taxii.status, taxii.body(errorId));
  });
  app.setNotFoundHandler(async (request, reply) => sendTaxii(reply, 404, new TaxiiError('not-found', `nothing at ${request.url.split('?')[0]}`).body()));

  await app.register(discoveryPlugin, { ctx });
  for (const root of options.config.apiRoots) {
    await app.register(async (api) => {
      api.addHook('onRequest', authenticate(ctx));
      await api.register(apiRootPlugin, { root });
      await api.register(statusPlugin, { root, ctx });
      await api.register(collectionsPlugin, { root, ctx });
      await api.register(async (collections) => {
        collections.addHook('onRequest', collectionAccess(ctx, root.path));
        await collections.register(collectionPlugin);
        await collections.register(manifestPlugin, { ctx });
        await collections.register(objectsPlugin, { root, ctx });
        await collections.register(objectPlugin, { ctx });
        await collections.register(versionsPlugin, { ctx });
      });
    }, { prefix: `/${root.path}` });
  }
  return app;
}
