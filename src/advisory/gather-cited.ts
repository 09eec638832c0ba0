// Gathers what an advisory cites: the report's objects (or a selection), their threat context and disputes.
import type { Store, Visibility } from '../store/store.ts';
import { TLP_LEVELS, tlpLevelOf, type TlpLevel } from '../stix/tlp.ts';
import { TLP_MARKING_DEFINITIONS } from '../stix/index.ts';
import type { StixObject, Withheld } from './advisory.ts';

export interface GatherOptions {
  /** Add each actor's, campaign's and software's techniques, software, targets and indicators. */
  follow?: boolean;
  /** Leave out objects more restrictive than this level. */
  tlp?: TlpLevel;
  /** Fetch only what this reader may see (the same rules as TAXII). */
  visibility?: Visibility;
}

export interface Gathered {
  /** The cited objects by id, in the order they were found (the report's own order first). */
  cited: Map<string, StixObject>;
  context: Map<string, StixObject>;
  withheld: Withheld[];
  missing: string[];
}

// The threat's own context, one step out: what an actor or campaign uses and targets, who it is attributed to,
// and the indicators that reveal it. Walking further would pull in the whole knowledge graph.
const FOLLOWED_FROM = new Set(['intrusion-set', 'threat-actor', 'campaign', 'malware', 'tool']);
const OUTGOING = new Set(['uses', 'targets', 'attributed-to']);
const INCOMING = new Set(['indicates', 'attributed-to']);
const BATCH = 500;

/** `report` is the report being turned into an advisory, if any: its opinions and its creator come along too. */
export async function gatherCited(
  store: Store, scope: string[], report: StixObject | null, options: GatherOptions = {},
): Promise<Gathered> {
  const fetcher = new Fetcher(store, options.visibility);
  const follow = options.follow ?? true;
  const cited = new Map<string, StixObject>();
  const missing = new Set<string>();
  const add = (objects: Map<string, StixObject>, ids: string[], reportMissing: boolean): void => {
    for (const id of ids) {
      const object = objects.get(id);
      // The report may cite itself through a relationship (derived-from); it is the advisory, not part of it.
      if (object && id !== report?.id) cited.set(id, object);
      else if (reportMissing) missing.add(id);
    }
  };
  // A relationship and the object it leads to come together or not at all.
  const addPairs = async (pairs: [string, string][]): Promise<void> => {
    const found = current(await fetcher.latest(pairs.flat()));
    for (const [relationship, other] of pairs) {
      if (found.has(relationship) && found.has(other)) add(found, [relationship, other], false);
    }
  };
  add(await fetcher.latest(scope), scope, true);

  if (follow) {
    const pairs: [string, string][] = [];
    for (const object of [...cited.values()]) {
      if (!FOLLOWED_FROM.has(object.type as string)) continue;
      const id = object.id as string;
      for (const edge of await store.edges(id)) {
        if (edge.through === undefined) continue;
        const out = edge.source === id && OUTGOING.has(edge.via);
        const into = edge.target === id && INCOMING.has(edge.via);
        if (out || into) pairs.push([edge.through, out ? edge.target : edge.source]);
      }
    }
    await addPairs(pairs);
  }

  // A relationship the report names is only readable with both its ends.
  const ends = [...cited.values()].filter((o) => o.type === 'relationship')
    .flatMap((r) => [r.source_ref, r.target_ref])
    .filter((id): id is string => typeof id === 'string' && !cited.has(id) && id !== report?.id);
  add(await fetcher.latest(ends), ends, true);

  if (follow) {
    const mitigations: [string, string][] = [];
    for (const object of [...cited.values()]) {
      if (object.type !== 'attack-pattern') continue;
      for (const edge of await store.edges(object.id as string)) {
        if (edge.via === 'mitigates' && edge.through !== undefined && edge.target === object.id) {
          mitigations.push([edge.through, edge.source]);
        }
      }
    }
    await addPairs(mitigations);
  }

  // An advisory that left out a denial would misrepresent the claim: every opinion on a cited object comes along.
  const opinions: string[] = [];
  for (const id of [...(report ? [report.id as string] : []), ...cited.keys()]) {
    for (const edge of await store.edges(id)) {
      if (edge.via === 'object_refs' && edge.target === id && edge.source.startsWith('opinion--')) opinions.push(edge.source);
    }
  }
  add(await fetcher.latest(opinions), opinions, false);

  const withheld = withholdAbove(cited, options.tlp);
  const context = await gatherContext(fetcher, cited, report);
  return { cited, context, withheld, missing: [...missing] };
}

/** Removes objects more restrictive than `ceiling`, and relationships and opinions that lean on them. */
function withholdAbove(cited: Map<string, StixObject>, ceiling: TlpLevel | undefined): Withheld[] {
  if (ceiling === undefined) return [];
  const limit = TLP_LEVELS.indexOf(ceiling);
  const withheld: Withheld[] = [];
  for (const [id, object] of cited) {
    const level = tlpLevelOf(object);
    if (level !== null && TLP_LEVELS.indexOf(level) > limit) {
      withheld.push({ id, type: object.type as string, tlp: level });
      cited.delete(id);
    }
  }
  const gone = new Set(withheld.map((w) => w.id));
  for (const [id, object] of cited) {
    const leans = object.type === 'relationship'
      ? [object.source_ref, object.target_ref].some((ref) => gone.has(ref as string))
      : object.type === 'opinion' && Array.isArray(object.object_refs) && object.object_refs.every((ref) => gone.has(ref as string));
    if (leans) {
      withheld.push({ id, type: object.type as string, tlp: tlpLevelOf(object) ?? ceiling });
      cited.delete(id);
    }
  }
  return withheld;
}

/** Creators and marking definitions of the cited objects (the report's too), for names and a complete bundle. */
async function gatherContext(fetcher: Fetcher, cited: Map<string, StixObject>, report: StixObject | null): Promise<Map<string, StixObject>> {
  const wanted = new Set<string>();
  for (const object of [...cited.values(), ...(report ? [report] : [])]) {
    if (typeof object.created_by_ref === 'string') wanted.add(object.created_by_ref);
    if (Array.isArray(object.object_marking_refs)) for (const ref of object.object_marking_refs) wanted.add(ref as string);
  }
  for (const id of cited.keys()) wanted.delete(id);
  const found = await fetcher.latest([...wanted]);
  for (const id of wanted) {
    if (found.has(id)) continue;
    // The TLP marking definitions are published by OASIS and often not stored; the bundle carries them anyway.
    const tlp = TLP_MARKING_DEFINITIONS.find((m) => m.id === id);
    if (tlp) found.set(id, { ...tlp });
  }
  return found;
}

/** Drops revoked and deprecated objects that following found: they are no longer the producer's word. */
function current(objects: Map<string, StixObject>): Map<string, StixObject> {
  for (const [id, object] of objects) {
    if (object.revoked === true || object.x_mitre_deprecated === true) objects.delete(id);
  }
  return objects;
}

/** Batched reads of latest versions, remembering what it has read. */
class Fetcher {
  readonly #seen = new Map<string, StixObject | null>();

  constructor(readonly store: Store, readonly visibility: Visibility | undefined) {}

  async latest(ids: string[]): Promise<Map<string, StixObject>> {
    const unseen = [...new Set(ids)].filter((id) => !this.#seen.has(id));
    for (let i = 0; i < unseen.length; i += BATCH) {
      const batch = unseen.slice(i, i + BATCH);
      for (const id of batch) this.#seen.set(id, null);
      const page = await this.store.query({
        ids: batch, versions: 'latest', limit: batch.length,
        ...(this.visibility ? { visibility: this.visibility } : {}),
      });
      for (const version of page.versions) this.#seen.set(version.id, JSON.parse(version.json) as StixObject);
    }
    const result = new Map<string, StixObject>();
    for (const id of ids) {
      const object = this.#seen.get(id);
      if (object) result.set(id, object);
    }
    return result;
  }
}
