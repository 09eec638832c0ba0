import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeAdvisory } from '../../src/advisory/compose-advisory.ts';
import { renderHtml } from '../../src/advisory/render-html.ts';
import type { Advisory } from '../../src/advisory/advisory.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

const DEMO = fileURLToPath(new URL('../../data/demo/', import.meta.url));
const REPORT = 'report--d76d7fc1-e98f-4c16-ac7f-ffb2c1b70227';
const LAZARUS = 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a';

const objects = (file: string): Record<string, unknown>[] =>
  (JSON.parse(readFileSync(join(DEMO, file), 'utf8')) as { objects: Record<string, unknown>[] }).objects;

let dir: string;
let store: Store;
let advisory: Advisory;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tocsin-advisory-demo-'));
  store = await openStore(dir);
  // The demo's contested attribution and the group it names; the rest of the feed only adds rows.
  const group = objects('attack-dprk.json').filter((o) => o.id === LAZARUS);
  await store.put([...objects('contested-attribution.json'), ...group].map((object) => ({ object })));
  advisory = await composeAdvisory(store, REPORT);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the demo report's advisory names Lazarus Group and the theft attributed to it", () => {
  assert.equal(advisory.title, 'US complaint attributing the 2016 Bangladesh Bank theft to Lazarus Group');
  assert.equal(advisory.tlp, 'clear');
  assert.deepEqual(advisory.actors.map((a) => [a.name, a.attackId]), [['Lazarus Group', 'G0032']]);
  assert.deepEqual(advisory.campaigns.map((c) => c.name), ['Bangladesh Bank theft (2016)']);
});

test("the demo report's attribution carries the ministry's denial", () => {
  const [claim] = advisory.attributions;
  assert.equal(claim!.claimedBy, 'United States Department of Justice');
  assert.equal(claim!.confidence, 85);
  assert.deepEqual(claim!.opinions.map((o) => [o.opinion, o.by]),
    [['strongly-disagree', "Ministry of Foreign Affairs of the Democratic People's Republic of Korea"]]);
});

test("the demo report's HTML shows the claim and the denial side by side", () => {
  const html = renderHtml(advisory);
  assert.match(html, /<b>United States Department of Justice<\/b> attributes <b>Bangladesh Bank theft \(2016\)<\/b> to <b>Lazarus Group<\/b>, with confidence 85\/100/);
  assert.match(html, /The ministry denies the attribution\./);
});
