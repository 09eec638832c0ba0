// Persistence for the hub's access data and TAXII bookkeeping: one interface, no SQL.
import type { TlpLevel } from '../stix/tlp.ts';

// The records below are what the store keeps; src/access decides with them (and re-exports them as its model).

export interface Organisation {
  id: string;
  name: string;
}

export interface Account {
  id: string;
  org: string;
  name: string;
}

export interface ApiToken {
  id: string;
  account: string;
  created: string;
  revoked: boolean;
  /** After this instant the token no longer authenticates (web sessions); absent for tokens that do not expire. */
  expires?: string;
}

/** A saved filter over the whole knowledge base; every present field narrows the view. */
export interface ViewFilter {
  types?: string[];
  /** Highest TLP level the view ever serves, whatever the reader's entitlements. */
  tlpCeiling?: TlpLevel;
  /** Only versions added to the hub within this many days. */
  maxAgeDays?: number;
  /** Only objects whose `created_by_ref` is one of these identities. */
  createdBy?: string[];
  /** Only objects carrying one of these marking-definition ids. */
  markings?: string[];
}

export type CollectionKind = 'stored' | 'view';

export interface CollectionConfig {
  /** A UUIDv4 (TAXII 2.1 §5.2.1 `identifier`). */
  id: string;
  apiRoot: string;
  title: string;
  description?: string;
  /** Unique within the API root; usable in URLs in place of the id. */
  alias?: string;
  kind: CollectionKind;
  /** Views only. */
  filter?: ViewFilter;
  /** Organisations entitled to TLP:AMBER objects served through this collection. */
  audience: string[];
  /** Organisations whose accounts count as the community for TLP:GREEN; null means every organisation. */
  community: string[] | null;
  /** Level assumed for objects without a TLP marking. */
  defaultTlp: TlpLevel;
}

/** A principal is `account:ID`, `org:ID`, or `*` (every account of the hub). */
export interface Grant {
  collection: string;
  principal: string;
  read: boolean;
  write: boolean;
}

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
