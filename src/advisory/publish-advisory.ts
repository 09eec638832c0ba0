// publishAdvisory: writes an advisory back to the store as a report, so it is shared over TAXII like any object.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { TLP2_MARKINGS } from '../stix/index.ts';
import { tlpOfMarking } from '../stix/tlp.ts';
import type { Advisory, StixObject } from './advisory.ts';
import { IdentityNotFoundError, ReportRevokedError } from './errors.ts';
import { hubIdentity } from '../store/hub-identity.ts';
import { COMPOSED_PROPERTY } from './compose-advisory.ts';
import { strings, unique } from './lookup.ts';

export interface PublishOptions {
  /** Publish under this stored identity instead of the hub's own. */
  createdBy?: string;
  /** Also add what is written to this stored TAXII collection (view collections see it anyway). */
  collection?: string;
  /** The clock, for tests. */
  now?: Date;
}

export interface PublishResult {
  /**
   * `new-version` when the publisher created the report; otherwise `new-report`: STIX 2.1 §3.6 lets only an
   * object's creator version it, so others' reports are republished as a new report derived from them.
   */
  outcome: 'new-version' | 'new-report';
  report: StixObject;
  /** Everything written: the report, and for a derived report its `derived-from` relationship. */
  written: StixObject[];
  /** The report this one was derived from, if any. */
  derivedFrom: string | null;
}

export async function publishAdvisory(store: Store, advisory: Advisory, options: PublishOptions = {}): Promise<PublishResult> {
  const now = options.now ?? new Date();
  const publisher = options.createdBy ? await identity(store, options.createdBy) : await hubIdentity(store, now);
  const cited = advisory.objects.map((o) => o.id as string);
  const withheld = new Set(advisory.withheld.map((w) => w.id));
  const original = advisory.report;
  const markings = tlpMarkings(original, advisory.tlp);

  if (original && original.created_by_ref === publisher.id) {
    if (original.revoked === true) throw new ReportRevokedError(original.id as string);
    const report: StixObject = {
      ...original,
      name: advisory.title,
      modified: after(original.modified, now),
      object_refs: unique([...strings(original.object_refs).filter((id) => !withheld.has(id)), ...cited]),
      object_marking_refs: markings,
      [COMPOSED_PROPERTY]: true,
    };
    await write(store, [report], options.collection);
    return { outcome: 'new-version', report, written: [report], derivedFrom: null };
  }

  const timestamp = now.toISOString();
  const id = `report--${randomUUID()}`;
  const relationship: StixObject | null = original ? {
    type: 'relationship',
    spec_version: '2.1',
    id: `relationship--${randomUUID()}`,
    created_by_ref: publisher.id,
    created: timestamp,
    modified: timestamp,
    relationship_type: 'derived-from',
    source_ref: id,
    target_ref: original.id,
    object_marking_refs: markings,
  } : null;
  const report: StixObject = {
    type: 'report',
    spec_version: '2.1',
    id,
    created_by_ref: publisher.id,
    created: timestamp,
    modified: timestamp,
    name: advisory.title,
    ...(advisory.summary ? { description: advisory.summary } : {}),
    report_types: original && Array.isArray(original.report_types) ? original.report_types : ['threat-report'],
    published: timestamp,
    object_refs: unique([...cited, ...(original ? [original.id as string] : []), ...(relationship ? [relationship.id as string] : [])]),
    ...(original && Array.isArray(original.external_references) ? { external_references: original.external_references } : {}),
    object_marking_refs: markings,
    [COMPOSED_PROPERTY]: true,
  };
  const written = relationship ? [report, relationship] : [report];
  await write(store, written, options.collection);
  return { outcome: 'new-report', report, written, derivedFrom: original ? (original.id as string) : null };
}

async function identity(store: Store, id: string): Promise<StixObject> {
  const [version] = await store.get(id);
  if (!version || version.type !== 'identity') throw new IdentityNotFoundError(id);
  return JSON.parse(version.json) as StixObject;
}

/** The report's non-TLP markings (copyright, statements) kept, its TLP replaced by the advisory's level. */
function tlpMarkings(report: StixObject | null, level: Advisory['tlp']): string[] {
  const kept = report ? strings(report.object_marking_refs).filter((ref) => tlpOfMarking(ref) === undefined) : [];
  const tlp = [...TLP2_MARKINGS].find(([, name]) => name === level)![0];
  return [...kept, tlp];
}

/** `now`, or just after the previous version when the clock is behind it: a new version must sort last. */
function after(previous: unknown, now: Date): string {
  const last = typeof previous === 'string' ? Date.parse(previous) : NaN;
  return new Date(Number.isNaN(last) ? now.getTime() : Math.max(now.getTime(), last + 1)).toISOString();
}

async function write(store: Store, objects: StixObject[], collection: string | undefined): Promise<void> {
  const outcomes = await store.put(objects.map((object) => (collection ? { object, collection } : { object })));
  const refused = outcomes.findIndex((o) => o === 'after-revocation');
  if (refused >= 0) throw new ReportRevokedError(objects[refused]!.id as string);
}
