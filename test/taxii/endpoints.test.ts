// Each TAXII 2.1 endpoint answered by a real hub over HTTP, with the resource the specification defines.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hub, indicator, ROOT, TAXII } from './hub-fixture.ts';

let hub: Hub;
let stored: string;
let view: string;

before(async () => {
  hub = await Hub.start();
  await hub.account('alice', 'cert-a');
  stored = await hub.collection({ title: 'Shared', alias: 'shared', description: 'partners post here', grants: { 'org:cert-a': 'rw' } });
  view = await hub.collection({ title: 'Everything', kind: 'view', grants: { '*': 'r' } });
});
after(() => hub.close());

test('discovery lists the API roots and the default, without credentials (§4.1)', async () => {
  const reply = await hub.get('/taxii2/');
  assert.equal(reply.status, 200);
  assert.equal(reply.headers.get('content-type'), TAXII);
  assert.deepEqual(reply.body, { title: 'Tocsin TAXII hub', default: `/${ROOT}/`, api_roots: [`/${ROOT}/`] });
});

test('the API root tells its versions and max_content_length (§4.2)', async () => {
  const reply = await hub.get(`/${ROOT}/`, 'alice');
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.body, { title: 'Test root', versions: [TAXII], max_content_length: 64 * 1024 });
});

test('collections lists the collections the account may know, with its rights (§5.1)', async () => {
  const reply = await hub.get(`/${ROOT}/collections/`, 'alice');
  assert.equal(reply.status, 200);
  const byId = new Map((reply.body.collections as { id: string; can_write: boolean }[]).map((c) => [c.id, c]));
  assert.deepEqual(byId.get(stored), {
    id: stored, title: 'Shared', description: 'partners post here', alias: 'shared', can_read: true, can_write: true,
    media_types: ['application/stix+json;version=2.1'],
  });
  assert.equal(byId.get(view)!.can_write, false);
});

test('a collection is found by its id and by its alias (§5.2)', async () => {
  assert.equal((await hub.get(`/${ROOT}/collections/${stored}/`, 'alice')).body.id, stored);
  assert.equal((await hub.get(`/${ROOT}/collections/shared/`, 'alice')).body.id, stored);
});

test('POST objects answers 202 with a complete status resource naming each object (§5.5)', async () => {
  const object = indicator();
  const reply = await hub.post(stored, [object], 'alice');
  assert.equal(reply.status, 202);
  assert.equal(reply.body.status, 'complete');
  assert.equal(reply.body.total_count, 1);
  assert.deepEqual(reply.body.successes, [{ id: object.id, version: object.modified }]);
  assert.equal(reply.body.failure_count, 0);
  assert.equal(reply.body.pending_count, 0);
  assert.match(reply.body.request_timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
});

test('a failed object names its id and the validation problem in the status (§4.3.1)', async () => {
  const bad: Record<string, unknown> = { ...indicator(), pattern: '[ipv4-addr:value = ' };
  const reply = await hub.post(stored, [bad], 'alice');
  assert.equal(reply.body.failure_count, 1);
  assert.equal(reply.body.failures[0].id, bad.id);
  assert.match(reply.body.failures[0].message, /pattern/);
  assert.equal(reply.body.successes, undefined);
});

test('posting an exact duplicate is a success, not an error (§5.5)', async () => {
  const object = indicator();
  await hub.post(stored, [object], 'alice');
  const again = await hub.post(stored, [object], 'alice');
  assert.equal(again.body.success_count, 1);
});

test('the status resource is served again at the status endpoint (§4.3)', async () => {
  const posted = await hub.post(stored, [indicator()], 'alice');
  const reply = await hub.get(`/${ROOT}/status/${posted.body.id}/`, 'alice');
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.body, posted.body);
});

test('the status resource is kept in the access store', async () => {
  const posted = await hub.post(stored, [indicator()], 'alice');
  const kept = await hub.access.status(posted.body.id);
  assert.deepEqual(JSON.parse(kept!.json), posted.body);
});

test('a write records the account and organisation that supplied the version', async () => {
  const object = indicator();
  await hub.post(stored, [object], 'alice');
  const [version] = await hub.store.get(object.id as string);
  assert.deepEqual(version!.suppliedBy, { account: 'alice', org: 'cert-a' });
});

test('objects returns an envelope with the stored JSON and date-added headers (§5.4, §3.2)', async () => {
  const object = indicator();
  await hub.post(stored, [object], 'alice');
  const reply = await hub.get(`/${ROOT}/collections/${stored}/objects/?match[id]=${object.id}`, 'alice');
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.body, { more: false, objects: [object] });
  assert.match(reply.headers.get('x-taxii-date-added-first')!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  assert.equal(reply.headers.get('x-taxii-date-added-first'), reply.headers.get('x-taxii-date-added-last'));
});

test('an empty result is an envelope without objects', async () => {
  const reply = await hub.get(`/${ROOT}/collections/${stored}/objects/?match[type]=malware`, 'alice');
  assert.deepEqual(reply.body, { more: false });
  assert.equal(reply.headers.get('x-taxii-date-added-first'), null);
});

test('manifest has one record per version with date_added, version and media type (§5.3)', async () => {
  const object = indicator();
  await hub.post(stored, [object], 'alice');
  const reply = await hub.get(`/${ROOT}/collections/${stored}/manifest/?match[id]=${object.id}`, 'alice');
  assert.equal(reply.status, 200);
  const [record] = reply.body.objects;
  assert.deepEqual(Object.keys(record), ['id', 'date_added', 'version', 'media_type']);
  assert.equal(record.version, object.modified);
  assert.equal(record.media_type, 'application/stix+json;version=2.1');
  assert.equal(reply.headers.get('x-taxii-date-added-last'), record.date_added);
});

test('an object by id returns its latest version in an envelope (§5.6)', async () => {
  const first = indicator();
  const second = { ...first, modified: '2021-01-01T00:00:00.000Z' };
  await hub.post(stored, [first, second], 'alice');
  const reply = await hub.get(`/${ROOT}/collections/${stored}/objects/${first.id}/`, 'alice');
  assert.deepEqual(reply.body.objects, [second]);
  assert.ok(reply.headers.get('x-taxii-date-added-first'));
});

test('versions lists every version of an object in date-added order (§5.8)', async () => {
  const first = indicator();
  const second = { ...first, modified: '2021-01-01T00:00:00.000Z' };
  await hub.post(stored, [second], 'alice');
  await hub.post(stored, [first], 'alice');
  const reply = await hub.get(`/${ROOT}/collections/${stored}/objects/${first.id}/versions/`, 'alice');
  assert.deepEqual(reply.body, { more: false, versions: [second.modified, first.modified] });
  assert.ok(reply.headers.get('x-taxii-date-added-last'));
});

test('DELETE removes an object from the collection; getting it is then a 404 (§5.7)', async () => {
  const object = indicator();
  await hub.post(stored, [object], 'alice');
  const reply = await hub.request('DELETE', `/${ROOT}/collections/${stored}/objects/${object.id}/`, { as: 'alice' });
  assert.equal(reply.status, 200);
  assert.equal(reply.headers.get('content-type'), TAXII);
  assert.equal((await hub.get(`/${ROOT}/collections/${stored}/objects/${object.id}/`, 'alice')).status, 404);
  assert.equal((await hub.get(`/${ROOT}/collections/${stored}/manifest/?match[id]=${object.id}`, 'alice')).body.objects, undefined);
});

test('DELETE with match[version] removes only that version', async () => {
  const first = indicator();
  const second = { ...first, modified: '2021-01-01T00:00:00.000Z' };
  await hub.post(stored, [first, second], 'alice');
  await hub.request('DELETE', `/${ROOT}/collections/${stored}/objects/${first.id}/?match[version]=${second.modified}`, { as: 'alice' });
  const reply = await hub.get(`/${ROOT}/collections/${stored}/objects/${first.id}/versions/`, 'alice');
  assert.deepEqual(reply.body.versions, [first.modified]);
});

test('a view serves objects from the whole knowledge base', async () => {
  const object = indicator();
  await hub.store.put([{ object }]);
  const reply = await hub.get(`/${ROOT}/collections/${view}/objects/${object.id}/`, 'alice');
  assert.deepEqual(reply.body.objects, [object]);
});

test('a view with saved types serves only those types', async () => {
  const indicators = await hub.collection({ kind: 'view', filter: { types: ['malware'] }, grants: { '*': 'r' } });
  const reply = await hub.get(`/${ROOT}/collections/${indicators}/objects/?match[type]=indicator`, 'alice');
  assert.deepEqual(reply.body, { more: false });
});

test('a view with a maximum age leaves out versions added before it', async () => {
  const object = indicator();
  await hub.store.put([{ object }]);
  const recent = await hub.collection({ kind: 'view', filter: { maxAgeDays: 1 }, grants: { '*': 'r' } });
  assert.equal((await hub.get(`/${ROOT}/collections/${recent}/objects/${object.id}/`, 'alice')).status, 200);
});

test('a token from the access store authenticates as Bearer', async () => {
  const { newToken } = await import('../../src/access/credentials.ts');
  const { hashSecret } = await import('../../src/access/secret-hash.ts');
  const token = newToken();
  await hub.access.addToken({ id: token.id, account: 'alice', created: new Date().toISOString(), revoked: false }, await hashSecret(token.value.split('.')[1]!));
  const reply = await hub.get(`/${ROOT}/collections/`, undefined, { authorization: `Bearer ${token.value}` });
  assert.equal(reply.status, 200);
  await hub.access.revokeToken(token.id);
  assert.equal((await hub.get(`/${ROOT}/collections/`, undefined, { authorization: `Bearer ${token.value}` })).status, 401);
});

test('concurrent POSTs from several clients all complete, each with its own status', async () => {
  const replies = await Promise.all(Array.from({ length: 8 }, () => hub.post(stored, Array.from({ length: 20 }, () => indicator()), 'alice')));
  assert.deepEqual(replies.map((r) => [r.status, r.body.success_count]), Array.from({ length: 8 }, () => [202, 20]));
  assert.equal(new Set(replies.map((r) => r.body.id)).size, 8);
});

test('several API roots each serve only their own collections', async () => {
  const multi = await Hub.start({
    apiRoots: [{ path: 'one', title: 'One', maxContentLength: 1024 }, { path: 'two', title: 'Two', maxContentLength: 2048 }],
    defaultApiRoot: 'two',
  });
  try {
    await multi.account('alice', 'cert-a');
    const inOne = await multi.collection({ apiRoot: 'one', grants: { '*': 'r' } });
    assert.deepEqual((await multi.get('/taxii2/')).body.api_roots, ['/one/', '/two/']);
    assert.equal((await multi.get('/two/', 'alice')).body.max_content_length, 2048);
    assert.equal((await multi.get(`/one/collections/${inOne}/`, 'alice')).status, 200);
    assert.equal((await multi.get(`/two/collections/${inOne}/`, 'alice')).status, 404);
    assert.deepEqual((await multi.get('/two/collections/', 'alice')).body, {});
  } finally {
    await multi.close();
  }
});

test('a status resource is served again after the server restarts on the same data directory', async () => {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openAccessStore, openStore } = await import('../../src/store/open-store.ts');
  const { startHub } = await import('../../src/taxii/server/hub.ts');
  const { defaultConfig } = await import('../../src/taxii/server/hub-config.ts');
  const { hashSecret } = await import('../../src/access/secret-hash.ts');
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-restart-'));
  const config = { ...defaultConfig(), listen: { host: '127.0.0.1', port: 0 } };
  const auth = `Basic ${Buffer.from('rob:rob-password-1').toString('base64')}`;
  const headers = { accept: TAXII, authorization: auth };
  const run = async <T>(body: (url: string) => Promise<T>): Promise<T> => {
    const store = await openStore(dir);
    const access = await openAccessStore(dir);
    const hub = await startHub({ store, access, config });
    try {
      return await body(hub.url);
    } finally {
      await hub.close();
      await access.close();
      await store.close();
    }
  };
  try {
    const seed = await openAccessStore(dir);
    await seed.addOrg({ id: 'o', name: 'O' });
    await seed.addAccount({ id: 'rob', org: 'o', name: 'Rob' }, await hashSecret('rob-password-1'));
    const collection = '5d1b3c9e-7a6f-4e2d-9c8b-1a2b3c4d5e6f';
    await seed.putCollection({ id: collection, apiRoot: 'demo', title: 'c', kind: 'stored', audience: [], community: null, defaultTlp: 'green' });
    await seed.grant({ collection, principal: 'account:rob', read: true, write: true });
    await seed.close();
    const posted = await run(async (url) => {
      const reply = await fetch(`${url}/demo/collections/${collection}/objects/`, {
        method: 'POST', headers: { ...headers, 'content-type': TAXII }, body: JSON.stringify({ objects: [indicator()] }),
      });
      return reply.json() as Promise<{ id: string }>;
    });
    const again = await run(async (url) => (await fetch(`${url}/demo/status/${posted.id}/`, { headers })).json());
    assert.deepEqual(again, posted);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
