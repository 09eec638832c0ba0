// The knowledge-graph store: one interface, no SQL. Backends live in sibling folders.
import type { TlpLevel } from '../stix/tlp.ts';

/** Which hub account and organisation supplied a version (visible to the hub's operators). */
export interface Provenance {
  account: string;
  org: string;
}

/** One stored version of a STIX object. */
export interface StoredVersion {
  id: string;
  type: string;
  /** The version key: `modified`, or null for objects without versions (SCOs, marking definitions). */
  modified: string | null;
  specVersion: string;
  /** Server clock when this version was first stored, RFC 3339 with microseconds, unique per store. */
  dateAdded: string;
  revoked: boolean;
  /** The most restrictive TLP marking of this version, or null when it has none. */
  tlp: TlpLevel | null;
  /** Who first supplied this version, when it came through an account (TAXII, feeds). */
  suppliedBy: Provenance | null;
  /** The object exactly as it was received (byte-faithful JSON text). */
  json: string;
}

/**
 * What a put did with one version. `after-revocation` means nothing was stored: revoking is permanent and
 * no newer version of a revoked object may be created (STIX 2.1 §3.6.2).
 */
export type PutOutcome = 'new-object' | 'new-version' | 'duplicate' | 'after-revocation';

/** One version of an object: its `modified`, or null for objects without versions. */
export interface VersionRef {
  id: string;
  modified: string | null;
}

export interface PutItem {
  object: Record<string, unknown>;
  /** JSON text to keep; defaults to `JSON.stringify(object)`. */
  json?: string;
  /** `json` in UTF-8, when the caller has it already (an importer reading a file): saves encoding it again. */
  jsonBytes?: Uint8Array;
  /** A stored collection to add the version to (also when the version itself is a duplicate). */
  collection?: string;
  suppliedBy?: Provenance;
}

/**
 * Which versions of each matching object a query returns (TAXII `match[version]`). The object form selects
 * the versions with these `modified` values, plus (in queries) the first and/or latest when flagged, as
 * TAXII's comma lists such as `first,2018-03-02T01:01:01.123Z,last` ask.
 */
export type VersionMatch = 'latest' | 'first' | 'all' | { modified: string[]; first?: boolean; latest?: boolean };

export interface ObjectQuery {
  ids?: string[];
  types?: string[];
  createdBy?: string[];
  /** Objects carrying any of these marking-definition ids in `object_marking_refs`. */
  markings?: string[];
  specVersions?: string[];
  /** Only versions added strictly after this instant (RFC 3339). */
  addedAfter?: string;
  versions?: VersionMatch;
  /** Include revoked objects when `versions` is `latest` (default true, as TAXII does). */
  includeRevoked?: boolean;
  /** Maximum versions to return; pages continue with `cursor`. */
  limit?: number;
  /** Opaque cursor from a previous page's `next`. */
  cursor?: string;
  /**
   * Restrict to the versions in this stored collection: `versions` then picks the first/latest version in the
   * collection, `addedAfter` and `dateAdded` use the time each version was added to it.
   */
  collection?: string;
  /** Return only versions the caller may see; applied before paging, so no page or `next` reveals others. */
  visibility?: Visibility;
}

/**
 * Who may see which versions, by TLP level: built by src/access for one account and collection, applied by
 * the store. A version's level is its TLP marking, or `unmarked` when it has none.
 */
export interface Visibility {
  /** Levels visible outright (e.g. clear; green for community members; amber for the collection's audience). */
  levels: TlpLevel[];
  /** Level assumed for versions without a TLP marking (the collection's default). */
  unmarked: TlpLevel;
  /** AMBER+STRICT versions created by these identities (the caller's organisation) are visible. */
  strictProducers: string[];
  /** AMBER+STRICT versions of objects that name any of these principals as recipients are visible. */
  strictPrincipals: string[];
  /** RED versions of objects that name any of these principals as recipients are visible. */
  redPrincipals: string[];
}

export interface Page {
  versions: StoredVersion[];
  /** Cursor for the following page, or null when this page is the last. */
  next: string | null;
}

export interface LatestJsonQuery {
  types: string[];
  /** Only versions added strictly after this instant (RFC 3339). */
  addedAfter?: string;
  limit: number;
  /** Opaque cursor from a previous page's `next`. */
  cursor?: string;
}

export interface JsonPage {
  json: string[];
  /** When the page's last version was added (RFC 3339), or null for an empty page. */
  lastAdded: string | null;
  /** Cursor for the following page, or null when this page is the last. */
  next: string | null;
}

/** An edge of the graph: `source` refers to `target` through property `via`. */
export interface Edge {
  source: string;
  target: string;
  /** The reference property (`created_by_ref`, `object_refs`, …) or the relationship type for SROs. */
  via: string;
  /** The relationship or sighting carrying the edge, when it is one. */
  through?: string;
}

export interface SearchQuery {
  /** Words as a person types them; each must match, as a word prefix, in a name, alias, text or external id. */
  text: string;
  types?: string[];
  visibility?: Visibility;
  /** Like ObjectQuery's: a view's saved filter narrows hits and facets alike. */
  createdBy?: string[];
  markings?: string[];
  addedAfter?: string;
  /** Include revoked objects (default false). */
  includeRevoked?: boolean;
  limit?: number;
}

export interface SearchResult {
  /** Latest versions, best match first. */
  hits: StoredVersion[];
  /** How many visible objects match, by type, whatever `types` asked for (for facets). */
  facets: TypeCount[];
}

export interface TypeCount {
  type: string;
  count: number;
}

/** A unit of writes that commits or rolls back as a whole. */
export interface WriteBatch {
  put(items: PutItem[]): Promise<PutOutcome[]>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface PutOptions {
  /**
   * More puts follow at once (a bulk import): the store may commit this one together with them, and its
   * promise then settles when that shared commit is durable. The last put of a run leaves this out.
   */
  more?: boolean;
}

export interface Store {
  /** Stores versions atomically and durably; returns one outcome per item, in order. */
  put(items: PutItem[], options?: PutOptions): Promise<PutOutcome[]>;
  /** A hint that writes are coming: a backend may start what they need (a thread, a connection) meanwhile. */
  prepareWrites(): void;
  /** Opens a long write transaction (used by strict imports: all or nothing). */
  begin(): Promise<WriteBatch>;
  query(query: ObjectQuery): Promise<Page>;
  /**
   * The JSON of the latest version of every object of these types (revoked ones included), in date-added
   * order, a page at a time: for readers that want every such object and nothing else about it, such as
   * detection loading a million indicators, which need not pay for the other columns.
   */
  latestJson(query: LatestJsonQuery): Promise<JsonPage>;
  /** For each version (`modified`, or null for unversioned objects): whether it is stored. */
  hasVersions(versions: readonly VersionRef[]): Promise<boolean[]>;
  /** Versions of one object: latest, first, all, or the one with this `modified`. */
  get(id: string, version?: 'latest' | 'first' | 'all' | string): Promise<StoredVersion[]>;
  /** Edges into and out of the latest versions of `id` (relationships, sightings and embedded refs). */
  edges(id: string): Promise<Edge[]>;
  /** Removes an object's versions (all, or the matching ones) from a stored collection; returns how many. */
  removeFromCollection(collection: string, id: string, versions?: VersionMatch): Promise<number>;
  /** Names the principals (e.g. `org:…`, `account:…`) an AMBER+STRICT or RED object is shared with. */
  setRecipients(id: string, principals: string[]): Promise<void>;
  recipients(id: string): Promise<string[]>;
  /** Full-text search over the latest versions. */
  search(query: SearchQuery): Promise<SearchResult>;
  /** Latest versions per type. */
  counts(): Promise<TypeCount[]>;
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}
