// GET /api/objects/:id: an object's properties, versions with what changed, relationships by kind, markings and provenance.
import type { FastifyPluginAsync } from 'fastify';
import { tlpOfMarking, type TlpLevel } from '../stix/tlp.ts';
import type { Reader } from './reader.ts';
import { relationshipGroups } from './relationship-groups.ts';
import { readerOf } from './signed-in.ts';
import { nameOf, summarize, type ObjectSummary } from './summary.ts';
import { versionChanges } from './version-changes.ts';
import { timelineOf } from './timeline.ts';

export interface Marking {
  id: string;
  name: string;
  tlp: TlpLevel | null;
}

export const objectsPlugin: FastifyPluginAsync = async (app) => {
  app.get('/api/objects/:id', async (request) => {
    const { id } = request.params as { id: string };
    const reader = readerOf(request);
    const versions = await reader.versions(id);
    const latest = versions.at(-1)!;
    const object = JSON.parse(latest.json) as Record<string, unknown>;
    const history = versions.map((v, i) => ({
      modified: v.modified,
      dateAdded: v.dateAdded,
      tlp: v.tlp,
      revoked: v.revoked,
      changes: i === 0 ? [] : versionChanges(JSON.parse(versions[i - 1]!.json), JSON.parse(v.json)),
    }));
    const edges = await reader.edges(id);
    const relationships = await relationshipGroups(reader, id, edges);
    const isActor = latest.type === 'intrusion-set' || latest.type === 'threat-actor' || latest.type === 'campaign';
    return {
      summary: summarize(latest, object),
      object,
      versions: history.reverse(),
      relationships,
      markings: await markingsOf(reader, object),
      provenance: await provenanceOf(reader, object, versions[0]!.dateAdded, latest.suppliedBy?.org === reader.account.org),
      timeline: isActor ? await timelineOf(reader, edges) : null,
      sightings: await sightingsOf(reader, id),
    };
  });
};

/** The sightings of this object (an indicator, usually), latest first. */
async function sightingsOf(reader: Reader, id: string): Promise<{ sighting: ObjectSummary; firstSeen: string | null; lastSeen: string | null; count: number }[]> {
  // A sighting without where_sighted_refs has no edge in the graph; sightings are few, so read them all.
  return (await reader.all({ types: ['sighting'], versions: 'latest' }))
    .map((v) => ({ v, o: JSON.parse(v.json) as Record<string, unknown> }))
    .filter(({ o }) => o.sighting_of_ref === id)
    .map(({ v, o }) => ({
      sighting: summarize(v, o),
      firstSeen: typeof o.first_seen === 'string' ? o.first_seen : null,
      lastSeen: typeof o.last_seen === 'string' ? o.last_seen : null,
      count: typeof o.count === 'number' ? o.count : 1,
    }))
    .sort((a, b) => String(b.lastSeen).localeCompare(String(a.lastSeen)));
}

async function markingsOf(reader: Reader, object: Record<string, unknown>): Promise<Marking[]> {
  const refs = Array.isArray(object.object_marking_refs) ? (object.object_marking_refs as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  const stored = await reader.latest(refs);
  return refs.map((ref) => {
    const tlp = tlpOfMarking(ref) ?? null;
    const definition = stored.get(ref);
    const name = definition ? markingName(JSON.parse(definition.json) as Record<string, unknown>) : tlp ? `TLP:${tlp.toUpperCase()}` : ref;
    return { id: ref, name, tlp };
  });
}

function markingName(definition: Record<string, unknown>): string {
  const inner = definition.definition as Record<string, unknown> | undefined;
  if (typeof definition.name === 'string') return definition.name;
  if (inner && typeof inner.statement === 'string') return inner.statement;
  if (inner && typeof inner.tlp === 'string') return `TLP:${inner.tlp.toUpperCase()}`;
  return nameOf(definition);
}

async function provenanceOf(reader: Reader, object: Record<string, unknown>, firstAdded: string, suppliedByMyOrg: boolean): Promise<{
  createdBy: ObjectSummary | null; createdById: string | null; firstAdded: string; suppliedByMyOrg: boolean;
  references: { source: string; id: string | null; url: string | null; description: string | null }[];
}> {
  const creatorId = typeof object.created_by_ref === 'string' ? object.created_by_ref : null;
  const creator = creatorId ? (await reader.latest([creatorId])).get(creatorId) : undefined;
  const refs = Array.isArray(object.external_references) ? object.external_references as Record<string, unknown>[] : [];
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    createdBy: creator ? summarize(creator) : null,
    createdById: creatorId,
    firstAdded,
    suppliedByMyOrg,
    references: refs.map((r) => ({ source: text(r.source_name) ?? '', id: text(r.external_id), url: text(r.url), description: text(r.description) })),
  };
}
