import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { composeAdvisory } from '../../src/advisory/compose-advisory.ts';
import { renderStix } from '../../src/advisory/render-stix.ts';
import { validateBundle } from '../../src/stix/index.ts';
import { fixtureStore, IDS, type FixtureStore } from './fixture-store.ts';

let fixture: FixtureStore;
let bundle: { type: string; objects: Record<string, unknown>[] };

before(async () => {
  fixture = await fixtureStore();
  bundle = JSON.parse(renderStix(await composeAdvisory(fixture.store, IDS.report))) as typeof bundle;
});
after(() => fixture.close());

test('the STIX bundle validates with validateBundle', () => {
  assert.deepEqual(validateBundle(bundle).filter((p) => p.severity === 'error'), []);
});

test('the STIX bundle holds the report and everything the advisory cites', () => {
  const ids = new Set(bundle.objects.map((o) => o.id));
  for (const id of [IDS.report, IDS.lazarus, IDS.userTraining, IDS.extraIndicator, IDS.denial, IDS.agreement, IDS.attribution]) {
    assert.ok(ids.has(id), id);
  }
  assert.equal(ids.size, bundle.objects.length);
});

test('the STIX bundle carries the creators and TLP marking definitions it refers to', () => {
  const ids = new Set(bundle.objects.map((o) => o.id));
  assert.ok(ids.has(IDS.cert));
  assert.ok(ids.has('marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'));
  assert.ok(ids.has('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'));
});
