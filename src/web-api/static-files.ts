// The built UI (web/dist) at `/`: files as they are, and index.html for the client's own routes (see web-api.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

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
    setHeaders: (reply, path) => { reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'); },
  });
  return true;
}
