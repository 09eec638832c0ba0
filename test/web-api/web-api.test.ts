// The web API over real HTTP: sign-in, every route, and the errors an analyst can meet.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ANALYST, ATTRIBUTION, DOJ_REPORT, GREEN_INDICATOR, LAZARUS, OUTSIDER, signIn, startWebHub, type WebHub } from './web-hub.ts';

describe('web API', () => {
  let hub: WebHub;
  let alice: Awaited<ReturnType<typeof signIn>>;
  before(async () => {
    hub = await startWebHub();
    alice = await signIn(hub.url, ANALYST);
  });
  after(async () => hub.close());

  it('signs in with a password, answers who is signed in, and signs out by revoking the token', async () => {
    const session = await signIn(hub.url, ANALYST);
    const me = await session.get('/api/session');
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { account: { id: string } }).account.id, 'alice');
    const out = await fetch(`${hub.url}/api/session`, { method: 'DELETE', headers: { authorization: `Bearer ${session.token}` } });
    assert.equal(out.status, 204);
    const after = await session.get('/api/home');
    assert.equal(after.status, 401);
    assert.equal(((await after.json()) as { error: string }).error, 'credentials-rejected');
  });

  it('refuses a wrong password with 401 and JSON, and an account without the view right with 403', async () => {
    const wrong = await fetch(`${hub.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: 'alice', password: 'nope' }) });
    assert.equal(wrong.status, 401);
    assert.deepEqual(await wrong.json(), { error: 'credentials-rejected', message: 'unknown account or wrong password' });
    const outsider = await fetch(`${hub.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: OUTSIDER.account, password: OUTSIDER.password }) });
    assert.equal(outsider.status, 403);
    assert.match(((await outsider.json()) as { message: string }).message, /may not read the knowledge base/);
  });

  it('issues session tokens that expire after twelve hours', async () => {
    const session = await signIn(hub.url, ANALYST);
    const tokenId = session.token.slice('tocsin_'.length, session.token.indexOf('.'));
    const stored = await hub.access.token(tokenId);
    assert.ok(stored?.token.expires);
    const hours = (Date.parse(stored.token.expires) - Date.parse(stored.token.created)) / 3_600_000;
    assert.equal(hours, 12);
  });

  it('answers 429 after too many wrong passwords for one account, even with the right one', async () => {
    const attempt = (password: string): Promise<Response> => fetch(`${hub.url}/api/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: OUTSIDER.account, password }),
    });
    for (let i = 0; i < 10; i++) assert.equal((await attempt(`guess-${i}`)).status, 401);
    const locked = await attempt(OUTSIDER.password);
    assert.equal(locked.status, 429);
    assert.match(((await locked.json()) as { message: string }).message, /too many failed attempts/);
  });

  it('answers 401 on every route without a session', async () => {
    for (const path of ['/api/home', '/api/search?q=x', `/api/objects/${LAZARUS}`, `/api/graph/${LAZARUS}`, `/api/attribution/${LAZARUS}`, '/api/sightings', '/api/advisories/reports']) {
      const response = await fetch(`${hub.url}${path}`);
      assert.equal(response.status, 401, path);
      assert.equal(((await response.json()) as { error: string }).error, 'authentication-required');
    }
  });

  it('home counts objects by type and ranks the most active actors', async () => {
    const home = await (await alice.get('/api/home?since=2000-01-01T00:00:00Z')).json() as {
      counts: { type: string; count: number }[]; actors: { name: string }[]; newSince: { report: number; sighting: number };
    };
    assert.ok(home.counts.find((c) => c.type === 'intrusion-set')!.count >= 4);
    assert.equal(home.actors[0]!.name, 'Lazarus Group');
    assert.ok(home.newSince.report >= 2);
    assert.ok(home.newSince.sighting >= 1);
  });

  it('search finds the group by name, alias and ATT&CK id, first, with type facets', async () => {
    for (const q of ['Lazarus', 'HIDDEN COBRA', 'G0032']) {
      const result = await (await alice.get(`/api/search?q=${encodeURIComponent(q)}`)).json() as { hits: { id: string }[]; facets: { type: string }[] };
      assert.equal(result.hits[0]!.id, LAZARUS, q);
    }
    const typed = await (await alice.get('/api/search?q=Lazarus&type=indicator')).json() as { hits: { type: string }[]; facets: { type: string }[] };
    assert.ok(typed.hits.length > 0 && typed.hits.every((h) => h.type === 'indicator'));
    assert.ok(typed.facets.some((f) => f.type === 'intrusion-set'), 'facets count every type whatever the filter');
    const pattern = await (await alice.get('/api/search?q=beacon.example.net')).json() as { hits: { id: string }[] };
    assert.ok(pattern.hits.some((h) => h.id === GREEN_INDICATOR));
    assert.equal((await alice.get('/api/search?q=')).status, 400);
  });

  it('an object page has properties, versions with their changes, relationships by kind, markings and provenance', async () => {
    const page = await (await alice.get(`/api/objects/${GREEN_INDICATOR}`)).json() as {
      versions: { modified: string; changes: { property: string; kind: string }[] }[];
      markings: { tlp: string }[]; relationships: { kind: string; direction: string }[];
    };
    assert.equal(page.versions.length, 2);
    assert.deepEqual(page.versions[0]!.changes.map((c) => `${c.kind} ${c.property}`), ['added description', 'changed indicator_types']);
    assert.equal(page.markings[0]!.tlp, 'green');
    assert.ok(page.relationships.some((g) => g.kind === 'indicates' && g.direction === 'out'));
    assert.deepEqual((page as unknown as { sightings: { count: number; lastSeen: string }[] }).sightings.map((x) => [x.count, x.lastSeen]), [[3, '2026-11-21T08:30:00Z']]);
    const group = await (await alice.get(`/api/objects/${LAZARUS}`)).json() as {
      summary: { externalId: string }; relationships: { kind: string; total: number }[]; provenance: { createdBy: { name: string } }; timeline: { kind: string }[];
    };
    assert.equal(group.summary.externalId, 'G0032');
    assert.ok(group.relationships.find((g) => g.kind === 'uses')!.total > 50);
    assert.equal(group.provenance.createdBy.name, 'The MITRE Corporation');
    assert.ok(group.timeline.some((e) => e.kind === 'report') && group.timeline.some((e) => e.kind === 'sighting'));
    assert.equal((await alice.get('/api/objects/indicator--00000000-0000-4000-8000-000000000000')).status, 404);
  });

  it('a relationship\'s page and graph name its two ends', async () => {
    const page = await (await alice.get(`/api/objects/${ATTRIBUTION}`)).json() as { relationships: { kind: string; direction: string; items: { other: { id: string } }[] }[] };
    const ends = page.relationships.filter((g) => g.direction === 'out').flatMap((g) => g.items.map((i) => `${g.kind} ${i.other.id}`));
    assert.ok(ends.includes(`target_ref ${LAZARUS}`));
    assert.ok(ends.includes('source_ref campaign--6bb81390-2af9-419f-8478-18686bd42687'));
    const graph = await (await alice.get(`/api/graph/${ATTRIBUTION}`)).json() as { nodes: { id: string }[] };
    assert.ok(graph.nodes.some((n) => n.id === LAZARUS));
  });

  it('the matrix has ATT&CK tactics as columns and the group\'s techniques marked', async () => {
    const matrix = await (await alice.get(`/api/objects/${LAZARUS}/matrix`)).json() as { columns: { name: string; techniques: { used: boolean }[] }[]; used: number };
    assert.equal(matrix.columns[0]!.name, 'Reconnaissance');
    assert.ok(matrix.columns.some((c) => c.name === 'Initial Access'));
    assert.equal(matrix.columns.flatMap((c) => c.techniques).filter((t) => t.used).length >= matrix.used - 5, true);
    assert.ok(matrix.used > 50);
  });

  it('the graph gives one step of neighbours, threat context first, with counts of what it left out', async () => {
    const graph = await (await alice.get(`/api/graph/${LAZARUS}?max=40`)).json() as { nodes: { type: string }[]; edges: unknown[]; truncated: boolean; neighbours: { type: string }[] };
    assert.equal(graph.nodes.length, 41);
    assert.equal(graph.truncated, true);
    assert.ok(graph.nodes.some((n) => n.type === 'malware'));
    assert.ok(graph.edges.length >= 40);
    const typed = await (await alice.get(`/api/graph/${LAZARUS}?type=campaign`)).json() as { nodes: { type: string }[] };
    assert.deepEqual([...new Set(typed.nodes.slice(1).map((n) => n.type))], ['campaign']);
  });

  it('attribution shows the claim, who makes it, its confidence and sources, and the opinions on it', async () => {
    const result = await (await alice.get(`/api/attribution/${LAZARUS}`)).json() as {
      disputed: boolean; claims: { claim: { id: string }; by: { name: string }; confidence: number; sources: { report: { id: string } | null }[]; opinions: { stance: string; agrees: boolean }[] }[];
    };
    const claim = result.claims.find((c) => c.claim.id === ATTRIBUTION)!;
    assert.equal(claim.by.name, 'United States Department of Justice');
    assert.equal(claim.confidence, 85);
    assert.ok(claim.sources.some((s) => s.report?.id === DOJ_REPORT));
    assert.ok(claim.opinions.some((o) => o.stance === 'strongly-disagree' && o.agrees === false));
    assert.equal(result.disputed, true);
    assert.ok(result.claims.some((c) => c.claim.id === DOJ_REPORT));
  });

  it('sightings list what matched, how often, with the indicator and its actor', async () => {
    const result = await (await alice.get('/api/sightings')).json() as { sightings: { count: number; indicator: { id: string }; actors: { id: string }[] }[] };
    assert.equal(result.sightings[0]!.count, 3);
    assert.equal(result.sightings[0]!.indicator.id, GREEN_INDICATOR);
    assert.deepEqual(result.sightings[0]!.actors.map((a) => a.id), [LAZARUS]);
  });

  it('renders an advisory in each format and as a preview, and publishes it to the submissions collection', async () => {
    const preview = await (await alice.post('/api/advisories/render', { report: DOJ_REPORT, tlp: 'clear' })).json() as { title: string; tlp: string; actors: { name: string }[] };
    assert.equal(preview.tlp, 'clear');
    assert.ok(preview.actors.some((a) => a.name === 'Lazarus Group'));
    for (const [format, type] of [['html', 'text/html'], ['md', 'text/markdown'], ['stix', 'application/stix+json'], ['csv', 'text/csv']]) {
      const response = await alice.post('/api/advisories/render', { report: DOJ_REPORT, format, tlp: 'green' });
      assert.equal(response.status, 200, format);
      assert.ok(response.headers.get('content-type')!.startsWith(type!), format);
      assert.match(response.headers.get('content-disposition')!, /attachment; filename=".+"/);
      assert.ok((await response.text()).length > 100);
    }
    assert.equal((await alice.post('/api/advisories/render', { report: DOJ_REPORT, format: 'pdf' })).status, 400);
    const selection = await (await alice.post('/api/advisories/render', { objects: [LAZARUS], tlp: 'green' })).json() as { title: string; techniques: unknown[] };
    assert.equal(selection.title, 'Advisory: Lazarus Group');
    assert.ok(selection.techniques.length > 50);
    assert.equal((await alice.post('/api/advisories/render', { report: 'report--00000000-0000-4000-8000-000000000000' })).status, 404);
    const published = await alice.post('/api/advisories/publish', { report: DOJ_REPORT, tlp: 'green' });
    assert.equal(published.status, 201);
    const { report } = await published.json() as { report: string };
    assert.equal((await alice.get(`/api/objects/${report}`)).status, 200);
  });

  it('answers unknown API paths with a JSON 404 and leaves TAXII to TAXII', async () => {
    const missing = await alice.get('/api/nothing');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: string }).error, 'not-found');
    const taxii = await fetch(`${hub.url}/taxii2/`);
    assert.equal(taxii.status, 406, 'TAXII negotiation still applies to TAXII paths');
  });
});

describe('web UI files', () => {
  let hub: WebHub;
  before(async () => { hub = await startWebHub({ staticDir: fileURLToPath(new URL('./fixtures/dist/', import.meta.url)) }); });
  after(async () => hub.close());

  it('serves the UI at / and index.html for client routes, with a policy that keeps the page on the hub', async () => {
    for (const path of ['/', '/search?q=Lazarus', `/objects/${LAZARUS}`, '/graph/x']) {
      const response = await fetch(`${hub.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(await response.text(), /<div id="root">/);
      assert.match(response.headers.get('content-security-policy')!, /default-src 'self'/);
    }
    const asset = await fetch(`${hub.url}/assets/app.js`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('cache-control')!, /immutable/);
  });

  it('does not answer API and TAXII paths with the page', async () => {
    const api = await fetch(`${hub.url}/api/unknown`);
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as { error: string }).error, 'not-found');
    const taxii = await fetch(`${hub.url}/demo/unknown/`, { headers: { accept: 'application/taxii+json;version=2.1' } });
    assert.ok(taxii.status === 401 || taxii.status === 404);
    assert.match(taxii.headers.get('content-type')!, /taxii/);
  });
});
