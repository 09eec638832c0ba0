// The built UI (web/dist) at `/`: files as they are, and index.html for the client's own routes (see web-api.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The page loads nothing but the hub's own files and talks to nothing but the hub: intelligence never leaks to a
 * third party through a font, a script or a beacon. Inline styles are React's and the advisory preview's.
 */
const CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Registers in `app` itself (not a child), so `reply.sendFile` is there for the not-found fallback; false when unbuilt. */
export async function serveStatic(app: FastifyInstance, root: string): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn(`no web UI at ${root}: build it with npm run build`);
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    // Vite names its bundles by content hash, so they never change; index.html must always be fresh.
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
    },
  });
  return true;
}
