// The web UI's server side: a fastify plugin with the session, the signed-in JSON API under /api, and the built UI.
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { Authenticator } from '../access/authenticator.ts';
import type { Store } from '../store/store.ts';
import type { AccessStore } from '../store/access-store.ts';
import type { CollectionRef, WebApiContext } from './context.ts';
import { WebApiError } from './errors.ts';
import { signedIn } from './signed-in.ts';
import { sessionPlugin } from './session.ts';
import { homePlugin } from './home.ts';
import { searchPlugin } from './search.ts';
import { objectsPlugin } from './objects.ts';
import { matrixPlugin } from './matrix.ts';
import { graphPlugin } from './graph.ts';
import { attributionPlugin } from './attribution.ts';
import { sightingsPlugin } from './sightings.ts';
import { advisoriesPlugin } from './advisories.ts';
import { telemetryPlugin } from './telemetry.ts';
import { serveStatic } from './static-files.ts';

export interface WebApiOptions {
  store: Store;
  access: AccessStore;
  /** Default: the demo API root's `knowledge-base` view. */
  view?: CollectionRef;
  /** Default: the demo API root's `submissions` collection. */
  publishTo?: CollectionRef;
  /** The built UI; null serves the API alone. */
  staticDir?: string | null;
  /** Threads that decode and match posted telemetry (default 1: the server's own). */
  detectThreads?: number;
  now?: () => number;
}

/** Where `npm run build` puts the UI. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export const DEFAULT_VIEW: CollectionRef = { apiRoot: 'demo', collection: 'knowledge-base' };
export const DEFAULT_PUBLISH_TO: CollectionRef = { apiRoot: 'demo', collection: 'submissions' };

export function webApi(options: WebApiOptions): FastifyPluginAsync {
  const ctx: WebApiContext = {
    store: options.store,
    access: options.access,
    authenticator: new Authenticator(options.access),
    view: options.view ?? DEFAULT_VIEW,
    publishTo: options.publishTo ?? DEFAULT_PUBLISH_TO,
    detectThreads: options.detectThreads ?? 1,
    now: options.now ?? Date.now,
  };
  return async (app: FastifyInstance) => {
    app.decorateRequest('webReader', null);
    let served = false;
    app.setErrorHandler((error, request, reply) => {
      let failure: WebApiError;
      if (error instanceof WebApiError) failure = error;
      else {
        const status = (error as { statusCode?: number }).statusCode;
        failure = status !== undefined && status >= 400 && status < 500
          ? new WebApiError('bad-request', (error as Error).message)
          : new WebApiError('internal', 'the server failed to handle the request; the hub log says why');
      }
      if (failure.status >= 500) request.log.error({ err: error }, 'web API request failed');
      return reply.code(failure.status).header('cache-control', 'no-store').send(failure.body());
    });
    app.setNotFoundHandler(async (request, reply) => {
      const path = request.url.split('?')[0]!;
      if (path === '/api' || path.startsWith('/api/') || request.method !== 'GET' || !served) {
        return reply.code(404).send(new WebApiError('not-found', `nothing at ${request.method} ${path}`).body());
      }
      // Client-side routes (/search, /objects/…) are the single page's; the page itself decides what they show.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });

    await app.register(sessionPlugin, { ctx });
    await app.register(async (api) => {
      api.addHook('onRequest', signedIn(ctx));
      api.addHook('onSend', async (_request, reply) => { reply.header('cache-control', 'no-store'); });
      await api.register(homePlugin, { ctx });
      await api.register(searchPlugin);
      await api.register(objectsPlugin);
      await api.register(matrixPlugin);
      await api.register(graphPlugin);
      await api.register(attributionPlugin);
      await api.register(sightingsPlugin);
      await api.register(advisoriesPlugin, { ctx });
      await api.register(telemetryPlugin, { ctx });
    });
    if (options.staticDir) served = await serveStatic(app, options.staticDir);
  };
}
