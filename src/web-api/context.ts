// What every web API route needs: the stores, which view collection decides access, and the clock.
import type { Authenticator } from '../access/authenticator.ts';
import type { Store } from '../store/store.ts';
import type { AccessStore } from '../store/access-store.ts';
import type { Reader } from './reader.ts';

/** A collection named by its API root and id or alias, as in TAXII URLs. */
export interface CollectionRef {
  apiRoot: string;
  collection: string;
}

export interface WebApiContext {
  store: Store;
  access: AccessStore;
  authenticator: Authenticator;
  /** The view whose read right admits an account to the UI and whose TLP rules decide what it sees. */
  view: CollectionRef;
  /** The stored collection published advisories are added to; publishing needs the write right on it. */
  publishTo: CollectionRef;
  /** Threads that decode and match posted telemetry, each with a copy of the index (1: the server's own thread). */
  detectThreads: number;
  /** Milliseconds since the epoch. */
  now: () => number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account's view of the knowledge base; set by the sign-in hook on every `/api` route but the session's. */
    webReader: Reader | null;
  }
}
