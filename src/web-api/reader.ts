// Everything the web API reads, through one account's view of the knowledge base: no call reaches the store without its filter.
import type { Account } from '../access/model.ts';
import { narrow, type ViewQuery } from '../access/view-query.ts';
import type { Edge, ObjectQuery, SearchResult, Store, StoredVersion, Visibility } from '../store/store.ts';
import { notFound } from './errors.ts';

const BATCH = 500;
// References to markings and creators are properties, not threat context; they are shown on the object page.
const META_REFS = new Set(['object_marking_refs', 'created_by_ref', 'marking_ref', 'granular_markings']);

export class Reader {
  constructor(
    readonly store: Store,
    readonly account: Account,
    readonly visibility: Visibility,
    /** The view collection's own saved filter. */
    readonly view: ViewQuery,
  ) {}

  /** A key that is equal for readers who see exactly the same objects (for caches). */
  get key(): string {
    return JSON.stringify([this.visibility, this.view]);
  }

  /** Every visible version the query selects, page after page. */
  async all(query: ObjectQuery): Promise<StoredVersion[]> {
    const versions: StoredVersion[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.query({ ...this.#scoped(query), limit: 2000, ...(cursor ? { cursor } : {}) });
      versions.push(...page.versions);
      cursor = page.next ?? undefined;
    } while (cursor);
    return versions;
  }

  /** The latest visible version of each id that has one. */
  async latest(ids: readonly string[]): Promise<Map<string, StoredVersion>> {
    const found = new Map<string, StoredVersion>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += BATCH) {
      for (const version of await this.all({ ids: unique.slice(i, i + BATCH), versions: 'latest' })) found.set(version.id, version);
    }
    return found;
  }

  /** The latest visible version of one object; a hidden object is a 404 like a missing one. */
  async one(id: string): Promise<StoredVersion> {
    const version = (await this.latest([id])).get(id);
    if (!version) throw notFound(id);
    return version;
  }

  /** Every visible version of one object, oldest first. */
  async versions(id: string): Promise<StoredVersion[]> {
    const versions = await this.all({ ids: [id], versions: 'all' });
    if (versions.length === 0) throw notFound(id);
    return versions.sort((a, b) => (a.modified ?? '').localeCompare(b.modified ?? ''));
  }

  async search(text: string, types: string[] | undefined, limit: number): Promise<SearchResult> {
    const { createdBy, markings, addedAfter } = this.view;
    const result = await this.store.search({
      text, visibility: this.visibility, limit,
      types: this.view.types ? (types ?? this.view.types).filter((t) => this.view.types!.includes(t)) : types,
      ...(createdBy ? { createdBy } : {}), ...(markings ? { markings } : {}), ...(addedAfter ? { addedAfter } : {}),
    });
    // Facets count every type the search matched; the view's types bound them like everything else.
    const facets = this.view.types ? result.facets.filter((f) => this.view.types!.includes(f.type)) : result.facets;
    return { hits: result.hits, facets };
  }

  /**
   * Edges of a visible object whose other end and carrying relationship are visible too; references to objects
   * the store does not hold at all are kept (their ids are in the visible object already).
   */
  async edges(id: string, options: { meta?: boolean } = {}): Promise<Edge[]> {
    const edges = (await this.store.edges(id)).filter((e) => options.meta || !META_REFS.has(e.via));
    const ids = edges.flatMap((e) => [e.source, e.target, ...(e.through ? [e.through] : [])]);
    const visible = await this.latest(ids);
    const hidden = new Set<string>();
    const unseen = [...new Set(ids)].filter((x) => !visible.has(x));
    for (let i = 0; i < unseen.length; i += BATCH) {
      // Asked without the reader's filter only to tell hidden objects from ones the store does not hold.
      const page = await this.store.query({ ids: unseen.slice(i, i + BATCH), versions: 'latest', limit: BATCH });
      for (const v of page.versions) hidden.add(v.id);
    }
    return edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target) && (!e.through || visible.has(e.through)));
  }

  #scoped(query: ObjectQuery): ObjectQuery {
    return { ...narrow(query, this.view), visibility: this.visibility, includeRevoked: query.includeRevoked ?? true };
  }
}
