// What the home page summarises from one reader's whole view: counts by type, activity per actor, the newest objects.
import type { StoredVersion, TypeCount } from '../store/store.ts';
import type { Reader } from './reader.ts';
import { summarize, type ObjectSummary } from './summary.ts';

export interface Holdings {
  counts: TypeCount[];
  total: number;
  /** Threat actors and intrusion sets with the most visible relationships and sightings. */
  actors: (ObjectSummary & { activity: number; aliases: string[] })[];
  /** The visible latest versions, newest first, of the kinds an analyst follows. */
  recent: Record<RecentKind, ObjectSummary[]>;
  /** Newest `dateAdded` by kind, kept whole so a visit's "new since" can be counted later. */
  added: Record<RecentKind, string[]>;
  /** When this summary was computed (ms). */
  at: number;
}

export const RECENT_KINDS = ['report', 'indicator', 'sighting'] as const;
export type RecentKind = (typeof RECENT_KINDS)[number];

const ACTOR_TYPES = new Set(['intrusion-set', 'threat-actor']);
const RECENT_SHOWN = 8;
const ACTORS_SHOWN = 8;
// One scan of a few thousand objects takes tens of milliseconds; a short cache spares it on every page view.
const CACHE_MS = 15_000;
const cache = new Map<string, Holdings>();

export async function holdingsFor(reader: Reader, now: number): Promise<Holdings> {
  const cached = cache.get(reader.key);
  if (cached && now - cached.at < CACHE_MS) return cached;
  const holdings = summarizeAll(await reader.all({ versions: 'latest', includeRevoked: false }), now);
  if (cache.size > 256) cache.clear();
  cache.set(reader.key, holdings);
  return holdings;
}

function summarizeAll(versions: StoredVersion[], now: number): Holdings {
  const counts = new Map<string, number>();
  const actors = new Map<string, StoredVersion>();
  const activity = new Map<string, number>();
  const byKind: Record<RecentKind, StoredVersion[]> = { report: [], indicator: [], sighting: [] };
  const bump = (id: unknown): void => {
    if (typeof id === 'string') activity.set(id, (activity.get(id) ?? 0) + 1);
  };
  for (const v of versions) {
    counts.set(v.type, (counts.get(v.type) ?? 0) + 1);
    if (ACTOR_TYPES.has(v.type)) actors.set(v.id, v);
    if ((RECENT_KINDS as readonly string[]).includes(v.type)) byKind[v.type as RecentKind].push(v);
    if (v.type === 'relationship') {
      const r = JSON.parse(v.json) as Record<string, unknown>;
      bump(r.source_ref);
      bump(r.target_ref);
    }
  }
  const newest = (list: StoredVersion[]): StoredVersion[] => [...list].sort((a, b) => b.dateAdded.localeCompare(a.dateAdded));
  const recent = {} as Record<RecentKind, ObjectSummary[]>;
  const added = {} as Record<RecentKind, string[]>;
  const byId = new Map(versions.map((v) => [v.id, v]));
  for (const kind of RECENT_KINDS) {
    const sorted = newest(byKind[kind]);
    recent[kind] = sorted.slice(0, RECENT_SHOWN).map((v) => (kind === 'sighting' ? sightingSummary(v, byId) : summarize(v)));
    added[kind] = sorted.map((v) => v.dateAdded);
  }
  const ranked = [...actors.values()]
    .map((v) => {
      const object = JSON.parse(v.json) as Record<string, unknown>;
      const aliases = Array.isArray(object.aliases) ? (object.aliases as unknown[]).filter((a): a is string => typeof a === 'string' && a !== object.name) : [];
      return { ...summarize(v, object), activity: activity.get(v.id) ?? 0, aliases };
    })
    .sort((a, b) => b.activity - a.activity || a.name.localeCompare(b.name))
    .slice(0, ACTORS_SHOWN);
  const countList = [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  return { counts: countList, total: versions.length, actors: ranked, recent, added, at: now };
}

/** A sighting is named for what was seen: "inqu-lazarus.icu seen 5×". */
function sightingSummary(version: StoredVersion, byId: Map<string, StoredVersion>): ObjectSummary {
  const sighting = JSON.parse(version.json) as Record<string, unknown>;
  const summary = summarize(version, sighting);
  const seen = typeof sighting.sighting_of_ref === 'string' ? byId.get(sighting.sighting_of_ref) : undefined;
  if (!seen) return summary;
  const times = typeof sighting.count === 'number' ? sighting.count : 1;
  return { ...summary, name: `${summarize(seen).name} seen ${times}×` };
}
