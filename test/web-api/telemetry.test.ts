// A log shipper posts batches of events to the hub, authenticated like any account, and gets sightings back.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { ANALYST, PARTNER, signIn, startWebHub, type WebHub } from './web-hub.ts';

/** TA17-318B (HIDDEN COBRA) lists this address; the demo feed turns it into an indicator of Lazarus Group. */
const LISTED = '199.68.196.125';

function conn(ts: number, responder: string): string {
  return JSON.stringify({ _path: 'conn', ts, uid: `C${ts}`, 'id.orig_h': '192.0.2.10', 'id.orig_p': 51000, 'id.resp_h': responder, 'id.resp_p': 443, proto: 'tcp' });
}

describe('telemetry from log shippers', () => {
  let hub: WebHub;
  before(async () => { hub = await startWebHub({ staticDir: null }); });
  after(async () => hub.close());

  const send = (token: string, body: string | Buffer, query = ''): Promise<Response> => fetch(`${hub.url}/api/telemetry${query}`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body: typeof body === 'string' ? body : new Uint8Array(body),
  });

  it('matches a batch of Zeek JSON lines against the indicators and stores the sighting', async () => {
    const alice = await signIn(hub.url, ANALYST);
    const response = await send(alice.token, [conn(1763632800, '198.51.100.99'), conn(1763632801, LISTED)].join('\n'));
    assert.equal(response.status, 200);
    const figures = await response.json() as { events: number; matches: number; sightings: number; byIndicator: { id: string }[] };
    assert.equal(figures.events, 2);
    assert.ok(figures.matches >= 1);
    assert.equal(figures.sightings, figures.byIndicator.length);
    const sightings = (await hub.store.query({ types: ['sighting'] })).versions.map((v) => JSON.parse(v.json) as { sighting_of_ref: string });
    assert.ok(sightings.some((s) => s.sighting_of_ref === figures.byIndicator[0]!.id));
  });

  it('reads gzip\'d batches and counts malformed lines with their place', async () => {
    const alice = await signIn(hub.url, ANALYST);
    const body = gzipSync(Buffer.from([conn(1763632900, LISTED), '{"_path": "conn", broken'].join('\n')));
    const figures = await (await send(alice.token, body, '?format=zeek')).json() as { events: number; malformed: number; malformedLines: { line: number }[] };
    assert.equal(figures.events, 1);
    assert.equal(figures.malformed, 1);
    assert.equal(figures.malformedLines[0]!.line, 2);
  });

  it('answers 401 without credentials and 400 for an unknown format or an empty body', async () => {
    assert.equal((await fetch(`${hub.url}/api/telemetry`, { method: 'POST', body: conn(1, LISTED) })).status, 401);
    const alice = await signIn(hub.url, ANALYST);
    assert.equal((await send(alice.token, conn(1, LISTED), '?format=pcap')).status, 400);
    assert.equal((await send(alice.token, '')).status, 400);
  });

  it('answers 400, not a hang or a 500, for a corrupt gzip batch', async () => {
    const alice = await signIn(hub.url, ANALYST);
    const response = await send(alice.token, Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5]));
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /not valid gzip/);
  });

  it('refuses an account without the write right on the submissions collection', async () => {
    const submissions = await hub.access.collection('demo', 'submissions');
    await hub.access.revoke(submissions!.id, '*', { read: false, write: true });
    const bob = await signIn(hub.url, PARTNER);
    const response = await send(bob.token, conn(1, LISTED));
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { message: string }).message, /needs the write right/);
  });
});

describe('telemetry from log shippers on a hub with two detection threads', () => {
  let hub: WebHub;
  before(async () => { hub = await startWebHub({ staticDir: null, detectThreads: 2 }); });
  after(async () => hub.close());

  it('answers a batch with its events, matches and malformed lines with their place, as on one thread', async () => {
    const alice = await signIn(hub.url, ANALYST);
    const lines = [conn(1763632800, '198.51.100.99'), conn(1763632801, LISTED), '{"_path": "conn", broken', conn(1763632802, LISTED)];
    const response = await fetch(`${hub.url}/api/telemetry?format=zeek`, {
      method: 'POST', headers: { authorization: `Bearer ${alice.token}` }, body: lines.join('\n'),
    });
    assert.equal(response.status, 200);
    const figures = await response.json() as { events: number; matches: number; malformedLines: { line: number }[]; byIndicator: { matches: number }[] };
    assert.equal(figures.events, 3);
    assert.equal(figures.matches, 2);
    assert.deepEqual(figures.malformedLines.map((m) => m.line), [3]);
  });
});
