// What every TAXII route needs: the knowledge base, the access data, the configuration and the clock.
import type { Store } from '../../store/store.ts';
import type { AccessStore } from '../../store/access-store.ts';
import type { Authenticator } from '../../access/authenticator.ts';
import type { Account, CollectionConfig, Rights } from '../../access/model.ts';
import type { Visibility } from '../../store/store.ts';
import type { ApiRootConfig, HubConfig } from './hub-config.ts';

export interface HubContext {
  store: Store;
  access: AccessStore;
  config: HubConfig;
  authenticator: Authenticator;
  /** Milliseconds since the epoch; replaceable in tests. */
  now: () => number;
}

/** The collection a request addresses, with what its account may do and see there. */
export interface CollectionAccess {
  collection: CollectionConfig;
  rights: Rights;
  visibility: Visibility;
}

/** The right a collection route needs: `know` is any right at all; §5.7's DELETE needs both. */
export type Need = 'know' | 'read' | 'write' | 'read+write';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
    collectionAccess: CollectionAccess | null;
  }
  interface FastifyContextConfig {
    need?: Need;
  }
}

export interface ApiRootOptions {
  root: ApiRootConfig;
}
