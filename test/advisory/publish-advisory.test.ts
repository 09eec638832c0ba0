import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { composeAdvisory } from '../../src/advisory/compose-advisory.ts';
import { publishAdvisory } from '../../src/advisory/publish-advisory.ts';
import { hubIdentity } from '../../src/store/hub-identity.ts';
import { IdentityNotFoundError } from '../../src/advisory/errors.ts';
import { validateObject } from '../../src/stix/index.ts';
import { tlpLevelOf } from '../../src/stix/tlp.ts';
import { fixtureStore, IDS, type FixtureStore } from './fixture-store.ts';

let fixture: FixtureStore;
beforeEach(async () => { fixture = await fixtureStore(); });
afterEach(() => fixture.close());

const NOW = new Date('2026-11-24T10:00:00.000Z');

test("publishing another creator's report writes a new report derived from it, created by the hub", async () => {
  const advisory = await composeAdvisory(fixture.store, IDS.report, { tlp: 'green' });
  const result = await publishAdvisory(fixture.store, advisory, { now: NOW });
  const hub = await hubIdentity(fixture.store);
  assert.equal(result.outcome, 'new-report');
  assert.equal(result.derivedFrom, IDS.report);
  assert.equal(result.report.created_by_ref, hub.id);
  assert.equal(result.report.name, 'Lazarus Group targets Example Savings Bank');
  const relationship = result.written.find((o) => o.type === 'relationship')!;
  assert.deepEqual([relationship.relationship_type, relationship.source_ref, relationship.target_ref], ['derived-from', result.report.id, IDS.report]);
  const [stored] = await fixture.store.get(result.report.id as string);
  assert.equal(JSON.parse(stored!.json).modified, '2026-11-24T10:00:00.000Z');
});

test('the published report cites everything in the advisory and nothing withheld', async () => {
  const advisory = await composeAdvisory(fixture.store, IDS.report, { tlp: 'green' });
  const { report } = await publishAdvisory(fixture.store, advisory, { now: NOW });
  const refs = report.object_refs as string[];
  for (const id of [IDS.lazarus, IDS.userTraining, IDS.extraIndicator, IDS.denial, IDS.report]) assert.ok(refs.includes(id), id);
  assert.ok(!refs.includes(IDS.amberIndicator));
  assert.equal(tlpLevelOf(report), 'green');
});

test('the published report is valid STIX 2.1', async () => {
  const { report, written } = await publishAdvisory(fixture.store, await composeAdvisory(fixture.store, IDS.report), { now: NOW });
  for (const object of [report, ...written]) assert.deepEqual(validateObject(object).filter((p) => p.severity === 'error'), []);
});

test("publishing the hub's own report writes a new version with modified bumped", async () => {
  const first = await publishAdvisory(fixture.store, await composeAdvisory(fixture.store, [IDS.lazarus], { follow: false, title: 'Lazarus Group' }), { now: NOW });
  assert.equal(first.outcome, 'new-report');
  const id = first.report.id as string;
  const again = await composeAdvisory(fixture.store, id, { follow: true });
  const second = await publishAdvisory(fixture.store, again, { now: NOW });
  assert.equal(second.outcome, 'new-version');
  assert.equal(second.report.id, id);
  assert.equal(second.report.modified, '2026-11-24T10:00:00.001Z');
  assert.ok((second.report.object_refs as string[]).includes(IDS.extraIndicator));
  assert.equal((await fixture.store.get(id, 'all')).length, 2);
});

test('a selection is published as a new report with the title given', async () => {
  const advisory = await composeAdvisory(fixture.store, [IDS.lazarus], { title: 'Lazarus Group: what to look for' });
  const result = await publishAdvisory(fixture.store, advisory, { now: NOW });
  assert.equal(result.outcome, 'new-report');
  assert.equal(result.derivedFrom, null);
  assert.equal(result.report.name, 'Lazarus Group: what to look for');
  assert.equal(result.written.length, 1);
});

test('the hub identity is created once and then reused', async () => {
  const first = await hubIdentity(fixture.store);
  const second = await hubIdentity(fixture.store);
  assert.equal(first.id, second.id);
  assert.equal(first.identity_class, 'system');
});

test('publishing as a stored identity credits it', async () => {
  const result = await publishAdvisory(fixture.store, await composeAdvisory(fixture.store, [IDS.lazarus]), { createdBy: IDS.cert, now: NOW });
  assert.equal(result.report.created_by_ref, IDS.cert);
});

test('publishing as an unknown identity raises IdentityNotFoundError', async () => {
  const id = 'identity--00000000-0000-4000-8000-000000000000';
  await assert.rejects(publishAdvisory(fixture.store, await composeAdvisory(fixture.store, [IDS.lazarus]), { createdBy: id }),
    (err: unknown) => err instanceof IdentityNotFoundError && err.id === id);
});

test("a report's creator publishing it makes a new version of the original", async () => {
  const result = await publishAdvisory(fixture.store, await composeAdvisory(fixture.store, IDS.report), { createdBy: IDS.cert, now: NOW });
  assert.equal(result.outcome, 'new-version');
  assert.equal(result.report.id, IDS.report);
  assert.equal(result.report.modified, '2026-11-24T10:00:00.000Z');
  assert.equal(tlpLevelOf(result.report), 'amber');
});

test('publishing into a stored collection makes the report one of its members', async () => {
  const result = await publishAdvisory(fixture.store, await composeAdvisory(fixture.store, IDS.report), { collection: 'partners', now: NOW });
  const page = await fixture.store.query({ collection: 'partners' });
  assert.deepEqual(page.versions.map((v) => v.id).sort(), result.written.map((o) => o.id as string).sort());
});

test('composing from a published advisory says the same again instead of widening it', async () => {
  const first = await composeAdvisory(fixture.store, IDS.report);
  const { report } = await publishAdvisory(fixture.store, first, { now: NOW });
  assert.equal(report.x_tocsin_composed, true);
  const again = await composeAdvisory(fixture.store, report.id as string);
  // The republished report also cites the original and its derived-from relationship, for provenance.
  const bookkeeping = new Set([IDS.report, ...again.objects.filter((o) => o.relationship_type === 'derived-from').map((o) => o.id)]);
  const ids = (a: typeof first): string[] => a.objects.map((o) => o.id as string).filter((id) => !bookkeeping.has(id)).sort();
  assert.deepEqual(ids(again), ids(first));
  assert.equal(bookkeeping.size, 2);
});

test('following a published advisory again refreshes it with what the hub learnt since', async () => {
  const { report } = await publishAdvisory(fixture.store, await composeAdvisory(fixture.store, IDS.report), { now: NOW });
  const indicator = {
    type: 'indicator', spec_version: '2.1', id: 'indicator--6f1d1a52-3c55-4b8e-9a55-0d7a9c2f4b11', created: '2024-05-01T00:00:00.000Z',
    modified: '2024-05-01T00:00:00.000Z', name: '192.0.2.44', pattern: "[ipv4-addr:value = '192.0.2.44']", pattern_type: 'stix',
    valid_from: '2024-05-01T00:00:00.000Z',
  };
  const indicates = {
    type: 'relationship', spec_version: '2.1', id: 'relationship--0c0f4f0e-8a4b-4d8b-8f44-8e1c3c7a5d21', created: '2024-05-01T00:00:00.000Z',
    modified: '2024-05-01T00:00:00.000Z', relationship_type: 'indicates', source_ref: indicator.id, target_ref: IDS.lazarus,
  };
  await fixture.store.put([{ object: indicator }, { object: indicates }]);
  const kept = await composeAdvisory(fixture.store, report.id as string);
  const refreshed = await composeAdvisory(fixture.store, report.id as string, { follow: true });
  assert.ok(!kept.indicators.some((i) => i.id === indicator.id));
  assert.ok(refreshed.indicators.some((i) => i.id === indicator.id));
});
