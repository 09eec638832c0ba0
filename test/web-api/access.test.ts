// A low-privilege account never receives a TLP:RED object through any web API route; the named recipient does.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ANALYST, ATTRIBUTION, DOJ_REPORT, LAZARUS, PARTNER, RED_IDS, RED_WORD, signIn, startWebHub, type WebHub } from './web-hub.ts';

const RED_MARKERS = [...Object.values(RED_IDS), RED_WORD];

/** Every read the UI makes, for the objects the RED ones hang from. */
const ROUTES = [
  '/api/home', '/api/home?since=2000-01-01T00:00:00Z', `/api/search?q=${RED_WORD}`, '/api/search?q=Lazarus&limit=200',
  '/api/search?q=Lazarus&type=report', '/api/search?q=crimsonvault.example', `/api/objects/${LAZARUS}`, `/api/objects/${LAZARUS}/matrix`,
  `/api/objects/${ATTRIBUTION}`, `/api/objects/${DOJ_REPORT}`, `/api/graph/${LAZARUS}?max=1000`, `/api/graph/${ATTRIBUTION}`,
  `/api/attribution/${LAZARUS}`, '/api/sightings', '/api/advisories/reports',
];

describe('web API access', () => {
  let hub: WebHub;
  before(async () => { hub = await startWebHub(); });
  after(async () => hub.close());

  it('a partner without the named right never receives a TLP:RED object, id or word through any route', async () => {
    const bob = await signIn(hub.url, PARTNER);
    for (const path of ROUTES) {
      const response = await bob.get(path);
      assert.equal(response.status, 200, path);
      // The search echoes what was typed; only what the server found counts.
      const { query: _query, ...found } = await response.json() as Record<string, unknown>;
      const text = JSON.stringify(found);
      for (const marker of RED_MARKERS) assert.ok(!text.includes(marker), `${path} revealed ${marker}`);
    }
    for (const format of ['json', 'html', 'md', 'stix', 'csv']) {
      const text = await (await bob.post('/api/advisories/render', { report: DOJ_REPORT, format })).text();
      for (const marker of RED_MARKERS) assert.ok(!text.includes(marker), `advisory ${format} revealed ${marker}`);
    }
  });

  it('asking for a TLP:RED object directly is a 404, exactly like a missing one', async () => {
    const bob = await signIn(hub.url, PARTNER);
    for (const id of Object.values(RED_IDS)) {
      for (const path of [`/api/objects/${id}`, `/api/objects/${id}/matrix`, `/api/graph/${id}`, `/api/attribution/${id}`]) {
        const response = await bob.get(path);
        assert.equal(response.status, 404, path);
        assert.deepEqual(await response.json(), { error: 'not-found', message: `no object ${id}` });
      }
    }
    assert.equal((await bob.post('/api/advisories/render', { report: RED_IDS.report })).status, 404);
    assert.equal((await bob.post('/api/advisories/render', { objects: [RED_IDS.indicator] })).status, 400);
  });

  it('the analyst named as recipient sees the same TLP:RED objects through the same routes', async () => {
    const alice = await signIn(hub.url, ANALYST);
    const search = await (await alice.get(`/api/search?q=${RED_WORD}`)).text();
    assert.ok(search.includes(RED_IDS.indicator) && search.includes(RED_IDS.report));
    assert.equal((await alice.get(`/api/objects/${RED_IDS.report}`)).status, 200);
    const graph = await (await alice.get(`/api/graph/${LAZARUS}?max=1000`)).text();
    assert.ok(graph.includes(RED_IDS.indicator));
    const attribution = await (await alice.get(`/api/attribution/${LAZARUS}`)).text();
    assert.ok(attribution.includes(RED_IDS.opinion) && attribution.includes(RED_IDS.report));
  });
});
