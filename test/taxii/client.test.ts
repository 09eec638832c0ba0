// The TAXII client against a real hub: incremental, resumable pulls with provenance, and pushes in fitting envelopes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hub, indicator, ROOT } from './hub-fixture.ts';
import { openAccessStore, openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import type { AccessStore, FeedConfig } from '../../src/store/access-store.ts';
import { pullFeed } from '../../src/taxii/client/pull-feed.ts';
import { pushObjects } from '../../src/taxii/client/push-objects.ts';
import { TaxiiClient, TaxiiClientError } from '../../src/taxii/client/taxii-client.ts';

let remote: Hub;
let collection: string;
let dir: string;
let local: Store;
let access: AccessStore;

before(async () => {
  remote = await Hub.start();
  await remote.account('puller', 'partner');
  collection = await remote.collection({ grants: { 'account:puller': 'rw' } });
  dir = await mkdtemp(join(tmpdir(), 'tocsin-client-'));
  local = await openStore(dir);
  access = await openAccessStore(dir);
});
after(async () => {
  await access.close();
  await local.close();
  await rm(dir, { recursive: true, force: true });
  await remote.close();
});

async function feed(name: string, coll = collection): Promise<FeedConfig> {
  const config: FeedConfig = {
    name, url: `${remote.running.url}/${ROOT}/collections/${coll}/`, auth: 'basic', user: 'puller', secret: 'puller-secret', addedAfter: null,
  };
  await access.putFeed(config);
  return config;
}

test('a pull stores every object of the remote collection, page by page, with the feed as provenance', async () => {
  const coll = await remote.collection({ grants: { 'account:puller': 'rw' } });
  const objects = Array.from({ length: 12 }, () => indicator());
  await remote.post(coll, objects, 'puller');
  const pages: number[] = [];
  const summary = await pullFeed(local, access, await feed('full', coll), { pageSize: 5, onPage: (s) => pages.push(s.received) });
  assert.deepEqual([summary.received, summary.stored, summary.pages], [12, 12, 3]);
  assert.deepEqual(pages, [5, 10, 12]);
  const [version] = await local.get(objects[0]!.id as string);
  assert.equal(version!.suppliedBy?.account, 'feed:full');
});

test('the next pull fetches only what was added since (added_after)', async () => {
  const coll = await remote.collection({ grants: { 'account:puller': 'rw' } });
  await remote.post(coll, [indicator(), indicator()], 'puller');
  await pullFeed(local, access, await feed('incremental', coll));
  const fresh = indicator();
  await remote.post(coll, [fresh], 'puller');
  const again = await pullFeed(local, access, (await access.feed('incremental'))!);
  assert.deepEqual([again.received, again.stored], [1, 1]);
});

test('an interrupted pull resumes after the last page it stored', async () => {
  const coll = await remote.collection({ grants: { 'account:puller': 'rw' } });
  const objects = Array.from({ length: 9 }, () => indicator());
  await remote.post(coll, objects, 'puller');
  let calls = 0;
  const failing: typeof fetch = async (input, init) => {
    if (++calls === 3) throw new TypeError('connection reset');
    return fetch(input, init);
  };
  await assert.rejects(pullFeed(local, access, await feed('resumable', coll), { pageSize: 3 }, failing), /connection reset/);
  const resumed = await pullFeed(local, access, (await access.feed('resumable'))!, { pageSize: 3 });
  assert.equal(resumed.received, 3);
  for (const object of objects) assert.equal((await local.get(object.id as string)).length, 1);
});

test('pulled objects are validated like any import: invalid ones are reported, not stored', async () => {
  const coll = await remote.collection({ grants: { 'account:puller': 'rw' } });
  const bad: Record<string, unknown> = { ...indicator(), pattern_type: undefined };
  await remote.store.put([{ object: bad, collection: coll }]);
  const summary = await pullFeed(local, access, await feed('invalid', coll));
  assert.equal(summary.rejected.length, 1);
  assert.match(summary.rejected[0]!.message!, /pattern_type/);
  assert.equal((await local.get(bad.id as string)).length, 0);
});

test('a pull with wrong credentials fails with the server answer', async () => {
  const config = { ...(await feed('wrong')), secret: 'nope' };
  await assert.rejects(pullFeed(local, access, config), (err: unknown) => err instanceof TaxiiClientError && err.status === 401);
});

test('a push splits objects into envelopes below max_content_length and reports failures', async () => {
  const coll = await remote.collection({ grants: { 'account:puller': 'rw' } });
  const client = new TaxiiClient(`${remote.running.url}/${ROOT}/collections/${coll}/`, { kind: 'basic', user: 'puller', password: 'puller-secret' });
  const objects = Array.from({ length: 300 }, () => JSON.stringify(indicator()));
  objects.push(JSON.stringify({ type: 'indicator', id: 'indicator--broken' }));
  const summary = await pushObjects(client, objects);
  assert.ok(summary.requests > 1);
  assert.deepEqual([summary.sent, summary.succeeded, summary.failed.length], [301, 300, 1]);
  assert.equal(summary.failed[0]!.id, 'indicator--broken');
  const page = await client.objects({ limit: 1000 });
  assert.equal(page.objects.length, 300);
});
