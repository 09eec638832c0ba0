// A running hub with the web API for tests: the demo feed, TLP:RED objects for one analyst, and a low-privilege partner.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAccessStore, openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import type { AccessStore } from '../../src/store/access-store.ts';
import { hashSecret } from '../../src/access/secret-hash.ts';
import { defaultConfig } from '../../src/taxii/server/hub-config.ts';
import { startHub, type RunningHub } from '../../src/taxii/server/hub.ts';
import { ensureDemoCollections } from '../../src/taxii/server/demo-collections.ts';
import { loadDemoOnce } from '../../src/cli/start.ts';
import { webApi, WEB_DIST } from '../../src/web-api/web-api.ts';
import type { CollectionRef } from '../../src/web-api/context.ts';

export const LAZARUS = 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a';
export const DOJ_REPORT = 'report--d76d7fc1-e98f-4c16-ac7f-ffb2c1b70227';
export const ATTRIBUTION = 'relationship--18d2df1d-0695-4e69-bbb2-30c91775c2bf';
const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';

/** Every TLP:RED object of the fixture, and the words that only they contain. */
export const RED_IDS = {
  indicator: 'indicator--0b0e5a52-7c39-4d5e-9a8e-2f1d3c4b5a60',
  relationship: 'relationship--0b0e5a52-7c39-4d5e-9a8e-2f1d3c4b5a61',
  report: 'report--0b0e5a52-7c39-4d5e-9a8e-2f1d3c4b5a62',
  opinion: 'opinion--0b0e5a52-7c39-4d5e-9a8e-2f1d3c4b5a63',
};
export const RED_WORD = 'Crimsonvault';
export const GREEN_INDICATOR = 'indicator--0b0e5a52-7c39-4d5e-9a8e-2f1d3c4b5a70';
export const SIGHTING = 'sighting--0b0e5a52-7c39-4d5e-9a8e-2f1d3c4b5a71';

export const ANALYST = { account: 'alice', password: 'alice-password-1', org: 'cert' };
export const PARTNER = { account: 'bob', password: 'bob-password-1', org: 'partner' };
export const OUTSIDER = { account: 'eve', password: 'eve-password-1', org: 'outside' };

export interface WebHub {
  url: string;
  hub: RunningHub;
  store: Store;
  access: AccessStore;
  close(): Promise<void>;
}

export async function startWebHub(options: { staticDir?: string | null; view?: CollectionRef; detectThreads?: number } = {}): Promise<WebHub> {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-web-'));
  const store = await openStore(dir);
  const access = await openAccessStore(dir);
  await loadDemoOnce(store);
  await store.put(fixtureObjects().map((object) => ({ object })));
  await store.put((await demoSightings(store)).map((object) => ({ object })));
  for (const id of Object.values(RED_IDS)) await store.setRecipients(id, [`account:${ANALYST.account}`]);
  const config = { ...defaultConfig(), listen: { host: '127.0.0.1', port: 0 } };
  const [view] = await ensureDemoCollections(access, config);
  for (const person of [ANALYST, PARTNER, OUTSIDER]) {
    await access.addOrg({ id: person.org, name: person.org === 'cert' ? 'National CERT' : person.org === 'partner' ? 'Partner bank' : 'Outsider' });
    await access.addAccount({ id: person.account, org: person.org, name: person.account }, await hashSecret(person.password));
  }
  // The outsider may use the hub but not its knowledge base: only the demo's grant to everyone is taken back.
  await access.revoke(view!.id, '*', { read: true, write: false });
  await access.grant({ collection: view!.id, principal: `org:${ANALYST.org}`, read: true, write: false });
  await access.grant({ collection: view!.id, principal: `org:${PARTNER.org}`, read: true, write: false });
  const hub = await startHub({
    store, access, config, logger: false,
    extensions: [webApi({ store, access, staticDir: options.staticDir === undefined ? null : options.staticDir ?? WEB_DIST, ...(options.view ? { view: options.view } : {}), ...(options.detectThreads ? { detectThreads: options.detectThreads } : {}) })],
  });
  return {
    url: hub.url, hub, store, access,
    async close() {
      await hub.close();
      await store.close();
      await access.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function fixtureObjects(): Record<string, unknown>[] {
  const common = { spec_version: '2.1', created: '2026-11-20T10:00:00.000Z', modified: '2026-11-20T10:00:00.000Z' };
  return [
    {
      ...common, type: 'indicator', id: RED_IDS.indicator, name: `${RED_WORD} Lazarus staging server`,
      description: `Internal lead on ${RED_WORD}, not for sharing.`, pattern: "[domain-name:value = 'crimsonvault.example']",
      pattern_type: 'stix', valid_from: '2026-11-20T10:00:00Z', indicator_types: ['malicious-activity'], object_marking_refs: [RED],
    },
    {
      ...common, type: 'relationship', id: RED_IDS.relationship, relationship_type: 'indicates',
      source_ref: RED_IDS.indicator, target_ref: LAZARUS, object_marking_refs: [RED],
    },
    {
      ...common, type: 'report', id: RED_IDS.report, name: `${RED_WORD} investigation`, published: '2026-11-20T10:00:00Z',
      report_types: ['threat-actor'], object_refs: [LAZARUS, RED_IDS.indicator, RED_IDS.relationship], object_marking_refs: [RED],
    },
    {
      ...common, type: 'opinion', id: RED_IDS.opinion, opinion: 'agree', explanation: `${RED_WORD} telemetry supports it.`,
      object_refs: [ATTRIBUTION], object_marking_refs: [RED],
    },
    {
      ...common, type: 'indicator', id: GREEN_INDICATOR, name: 'Lazarus beacon domain', pattern: "[domain-name:value = 'beacon.example.net']",
      pattern_type: 'stix', valid_from: '2026-11-20T10:00:00Z', indicator_types: ['malicious-activity'], object_marking_refs: [GREEN],
    },
    {
      ...common, modified: '2026-11-21T09:00:00.000Z', type: 'indicator', id: GREEN_INDICATOR, name: 'Lazarus beacon domain',
      description: 'Seen in a partner bank, November 2026.', pattern: "[domain-name:value = 'beacon.example.net']",
      pattern_type: 'stix', valid_from: '2026-11-20T10:00:00Z', indicator_types: ['malicious-activity', 'attribution'], object_marking_refs: [GREEN],
    },
    {
      ...common, type: 'relationship', id: 'relationship--0b0e5a52-7c39-4d5e-9a8e-2f1d3c4b5a72', relationship_type: 'indicates',
      source_ref: GREEN_INDICATOR, target_ref: LAZARUS, object_marking_refs: [GREEN],
    },
    {
      ...common, type: 'sighting', id: SIGHTING, sighting_of_ref: GREEN_INDICATOR, count: 3,
      first_seen: '2026-11-21T08:00:00Z', last_seen: '2026-11-21T08:30:00Z', object_marking_refs: [GREEN],
    },
  ];
}

/** A few earlier sightings of demo indicators of other groups, so the sightings view has something to compare. */
async function demoSightings(store: Store): Promise<Record<string, unknown>[]> {
  const sightings: Record<string, unknown>[] = [];
  let n = 0;
  for (const [text, count] of [['bluenoroff', 12], ['kimsuky', 1], ['lazarus', 5]] as const) {
    const { hits } = await store.search({ text, types: ['indicator'], limit: 1 });
    const indicator = hits[0];
    if (!indicator) continue;
    n++;
    sightings.push({
      type: 'sighting', spec_version: '2.1', id: `sighting--0b0e5a52-7c39-4d5e-9a8e-2f1d3c4b5a8${n}`,
      created: '2026-11-1' + n + 'T10:00:00.000Z', modified: '2026-11-1' + n + 'T10:00:00.000Z', sighting_of_ref: indicator.id, count,
      first_seen: `2026-11-0${n}T06:00:00Z`, last_seen: `2026-11-1${n}T09:00:00Z`, object_marking_refs: [GREEN],
    });
  }
  return sightings;
}

/** Signs in over HTTP and returns a fetch that carries the session. */
export async function signIn(url: string, person: { account: string; password: string }): Promise<{ token: string; get: (path: string) => Promise<Response>; post: (path: string, body: unknown) => Promise<Response> }> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: person.account, password: person.password }),
  });
  if (response.status !== 201) throw new Error(`sign-in as ${person.account} answered ${response.status}: ${await response.text()}`);
  const { token } = await response.json() as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  return {
    token,
    get: (path) => fetch(`${url}${path}`, { headers }),
    post: (path, body) => fetch(`${url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  };
}
