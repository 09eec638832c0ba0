// The UI reads through whichever view the operator names: its saved filter and TLP ceiling narrow every route.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ANALYST, GREEN_INDICATOR, LAZARUS, signIn, startWebHub, type WebHub } from './web-hub.ts';
import { collectionFromEnv, WebSettingError } from '../../src/web-api/web-settings.ts';

describe('a configured view', () => {
  let hub: WebHub;
  const viewId = randomUUID();
  before(async () => {
    hub = await startWebHub({ view: { apiRoot: 'demo', collection: 'actors-only' } });
    await hub.access.putCollection({
      id: viewId, apiRoot: 'demo', alias: 'actors-only', title: 'Actors and techniques', kind: 'view',
      filter: { types: ['intrusion-set', 'attack-pattern', 'relationship'], tlpCeiling: 'green' }, audience: [], community: null, defaultTlp: 'green',
    });
    await hub.access.grant({ collection: viewId, principal: `org:${ANALYST.org}`, read: true, write: false });
  });
  after(async () => hub.close());

  it('narrows search hits and facets to the view\'s types, and hides other objects as missing', async () => {
    const alice = await signIn(hub.url, ANALYST);
    const result = await (await alice.get('/api/search?q=Lazarus')).json() as { hits: { type: string }[]; facets: { type: string }[] };
    assert.equal(result.hits[0]!.type, 'intrusion-set');
    assert.ok(result.hits.every((h) => ['intrusion-set', 'attack-pattern', 'relationship'].includes(h.type)));
    assert.ok(result.facets.every((f) => ['intrusion-set', 'attack-pattern', 'relationship'].includes(f.type)));
    assert.equal((await alice.get(`/api/objects/${GREEN_INDICATOR}`)).status, 404);
    const graph = await (await alice.get(`/api/graph/${LAZARUS}?max=1000`)).json() as { nodes: { type: string }[] };
    assert.ok(graph.nodes.every((n) => ['intrusion-set', 'attack-pattern'].includes(n.type)));
  });

  it('counts in search facets only what a creator-filtered view serves', async () => {
    const mitre = 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5';
    const narrow = await startWebHub({ view: { apiRoot: 'demo', collection: 'mitre-only' } });
    try {
      const id = randomUUID();
      await narrow.access.putCollection({
        id, apiRoot: 'demo', alias: 'mitre-only', title: 'MITRE only', kind: 'view',
        filter: { createdBy: [mitre] }, audience: [], community: null, defaultTlp: 'green',
      });
      await narrow.access.grant({ collection: id, principal: `org:${ANALYST.org}`, read: true, write: false });
      const alice = await signIn(narrow.url, ANALYST);
      const result = await (await alice.get('/api/search?q=Lazarus')).json() as { hits: { id: string }[]; facets: { type: string; count: number }[] };
      // Lazarus indicators come from US-CERT and Maltrail, not MITRE: the view serves none, so none are counted.
      assert.ok(!result.facets.some((f) => f.type === 'indicator'), JSON.stringify(result.facets));
      assert.equal(result.hits[0]!.id, LAZARUS);
    } finally {
      await narrow.close();
    }
  });

  it('a stored collection is refused as the UI\'s view, saying why', async () => {
    const other = await startWebHub({ view: { apiRoot: 'demo', collection: 'submissions' } });
    try {
      const response = await fetch(`${other.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: ANALYST.account, password: ANALYST.password }) });
      assert.equal(response.status, 403);
      assert.match(((await response.json()) as { message: string }).message, /reads through a view collection/);
    } finally {
      await other.close();
    }
  });
});

describe('TOCSIN_WEB_VIEW and TOCSIN_WEB_PUBLISH', () => {
  it('name a collection as API-ROOT/COLLECTION', () => {
    assert.deepEqual(collectionFromEnv({ TOCSIN_WEB_VIEW: 'partners/kb' }, 'TOCSIN_WEB_VIEW'), { apiRoot: 'partners', collection: 'kb' });
    assert.equal(collectionFromEnv({}, 'TOCSIN_WEB_VIEW'), undefined);
    for (const bad of ['kb', '/kb', 'partners/', 'a/b/c']) assert.throws(() => collectionFromEnv({ TOCSIN_WEB_VIEW: bad }, 'TOCSIN_WEB_VIEW'), WebSettingError);
  });
});
