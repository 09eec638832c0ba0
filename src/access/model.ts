// The hub's access model: organisations, accounts, tokens, collections and the rights granted on them.
import type { TlpLevel } from '../stix/tlp.ts';

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

export interface Rights {
  read: boolean;
  write: boolean;
}
