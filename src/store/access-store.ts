// Persistence for the hub's access data and TAXII bookkeeping: one interface, no SQL.
import type { Account, ApiToken, CollectionConfig, Grant, Organisation } from '../access/model.ts';

/** A TAXII status resource (TAXII 2.1 §4.3.1) kept for its requester, across restarts. */
export interface StoredStatus {
  id: string;
  apiRoot: string;
  account: string;
  /** The status resource as served. */
  json: string;
}

/** A remote TAXII collection the hub pulls from or pushes to. */
export interface FeedConfig {
  name: string;
  /** The collection's URL: `{api-root}/collections/{id}/`. */
  url: string;
  /** HTTP Basic user, or null. */
  user: string | null;
  /** The password or bearer token the remote server issued; kept as given, since the hub must present it. */
  secret: string | null;
  auth: 'basic' | 'bearer' | 'none';
  /** `X-TAXII-Date-Added-Last` of the last page fully stored: where the next pull resumes. */
  addedAfter: string | null;
}

export interface AccessStore {
  addOrg(org: Organisation): Promise<void>;
  org(id: string): Promise<Organisation | null>;
  orgs(): Promise<Organisation[]>;
  /** Maps a STIX identity to a hub organisation: objects it created count as that organisation's (AMBER+STRICT). */
  mapIdentity(identity: string, org: string): Promise<void>;
  identitiesOf(org: string): Promise<string[]>;

  addAccount(account: Account, passwordHash: string | null): Promise<void>;
  account(id: string): Promise<Account | null>;
  accounts(): Promise<Account[]>;
  passwordHash(account: string): Promise<string | null>;
  setPasswordHash(account: string, hash: string): Promise<void>;

  addToken(token: ApiToken, hash: string): Promise<void>;
  /** The token and its hash, including revoked tokens (so callers can tell revoked from unknown). */
  token(id: string): Promise<{ token: ApiToken; hash: string } | null>;
  tokens(account: string): Promise<ApiToken[]>;
  /** Returns false when there is no such token. */
  revokeToken(id: string): Promise<boolean>;

  /** Adds or replaces a collection's configuration. */
  putCollection(collection: CollectionConfig): Promise<void>;
  /** Looks a collection up by id or alias within an API root. */
  collection(apiRoot: string, idOrAlias: string): Promise<CollectionConfig | null>;
  /** In a stable order (TAXII 2.1 §3.3): by title, then id. */
  collections(apiRoot?: string): Promise<CollectionConfig[]>;
  /** Adds to (never removes from) the principal's rights on the collection. */
  grant(grant: Grant): Promise<void>;
  /** Removes the rights named true in `rights`; returns false when the principal had no grant. */
  revoke(collection: string, principal: string, rights: { read: boolean; write: boolean }): Promise<boolean>;
  grants(collection: string): Promise<Grant[]>;

  putStatus(status: StoredStatus): Promise<void>;
  status(id: string): Promise<StoredStatus | null>;

  putFeed(feed: FeedConfig): Promise<void>;
  feed(name: string): Promise<FeedConfig | null>;
  feeds(): Promise<FeedConfig[]>;
  setFeedPosition(name: string, addedAfter: string): Promise<void>;

  close(): Promise<void>;
}
