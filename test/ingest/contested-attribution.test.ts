import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  contestedAttributionObjects,
  DEMO_ATTRIBUTION_ID,
  DEMO_CAMPAIGN_ID,
  DEMO_REPORT_ID,
} from '../../src/ingest/contested-attribution.ts';
import { DPRK_MFA_IDENTITY, US_DOJ_IDENTITY } from '../../src/ingest/source-identities.ts';

const objects = contestedAttributionObjects();
const LAZARUS = 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a';

test('the campaign is attributed to Lazarus Group with a confidence', () => {
  const rel = objects.find((o) => o.id === DEMO_ATTRIBUTION_ID);
  assert.equal(rel?.relationship_type, 'attributed-to');
  assert.equal(rel?.source_ref, DEMO_CAMPAIGN_ID);
  assert.equal(rel?.target_ref, LAZARUS);
  assert.equal(typeof rel?.confidence, 'number');
});

test('the report by a government identity carries the campaign and its attribution', () => {
  const report = objects.find((o) => o.id === DEMO_REPORT_ID);
  assert.equal(report?.created_by_ref, US_DOJ_IDENTITY.id);
  assert.deepEqual(report?.object_refs, [DEMO_CAMPAIGN_ID, DEMO_ATTRIBUTION_ID, LAZARUS]);
});

test('the foreign ministry strongly disagrees with the report and the attribution', () => {
  const opinion = objects.find((o) => o.type === 'opinion');
  assert.equal(opinion?.created_by_ref, DPRK_MFA_IDENTITY.id);
  assert.equal(opinion?.opinion, 'strongly-disagree');
  assert.deepEqual(opinion?.object_refs, [DEMO_REPORT_ID, DEMO_ATTRIBUTION_ID]);
  assert.equal(opinion?.explanation, 'The ministry denies the attribution.');
});

test('every object the demo references is in the demo or is the ATT&CK Lazarus Group', () => {
  const ids = new Set(objects.map((o) => o.id));
  for (const o of objects) {
    for (const [key, value] of Object.entries(o)) {
      const refs = key.endsWith('_ref') ? [value] : key.endsWith('_refs') && key !== 'object_marking_refs' ? (value as unknown[]) : [];
      for (const ref of refs) assert.ok(ids.has(ref as string) || ref === LAZARUS, `${o.id} ${key} → ${String(ref)}`);
    }
  }
});

test('the demo is the same on every run', () => {
  assert.deepEqual(contestedAttributionObjects(), objects);
});
