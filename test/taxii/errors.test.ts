// Every error status the hub answers with, each carrying a TAXII 2.1 §3.6.1 error message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hub, indicator, ROOT, TAXII, type Reply } from './hub-fixture.ts';

let hub: Hub;
let shared: string;
let secret: string;
let writeOnly: string;

before(async () => {
  hub = await Hub.start();
  await hub.account('alice', 'cert-a');
  await hub.account('bob', 'cert-b');
  shared = await hub.collection({ grants: { 'account:alice': 'rw', 'account:bob': 'r' } });
  secret = await hub.collection({ grants: { 'account:alice': 'r' } });
  writeOnly = await hub.collection({ grants: { 'account:bob': 'w' } });
});
after(() => hub.close());

function assertError(reply: Reply, status: number): void {
  assert.equal(reply.status, status, reply.text);
  assert.equal(reply.headers.get('content-type'), TAXII);
  assert.equal(typeof reply.body.title, 'string');
  assert.equal(reply.body.http_status, String(status));
}

const objects = (collection: string, query = ''): string => `/${ROOT}/collections/${collection}/objects/${query}`;

for (const [query, why] of [
  ['?added_after=yesterday', 'added_after is not a timestamp'],
  ['?limit=0', 'limit is not positive'],
  ['?limit=ten', 'limit is not an integer'],
  ['?match[type]=indicator&match[type]=malware', 'a match field occurs twice'],
  ['?match[version]=all,last', 'all is combined with another version'],
  ['?match[version]=last,last', 'a version repeats'],
  ['?match[version]=sometime', 'a version is neither keyword nor timestamp'],
  ['?match[type]=indicator,,malware', 'a comma list has an empty value'],
  ['?next=bm9wZQ', 'next is not a value the server issued'],
]) {
  test(`400 when ${why}`, async () => assertError(await hub.get(objects(shared, query), 'alice'), 400));
}

test('401 with a WWW-Authenticate challenge when no credentials are sent', async () => {
  const reply = await hub.get(`/${ROOT}/collections/`);
  assertError(reply, 401);
  assert.match(reply.headers.get('www-authenticate')!, /^Basic realm=/);
});

test('401 for a wrong password', async () => {
  const wrong = `Basic ${Buffer.from('alice:guess').toString('base64')}`;
  assertError(await hub.get(`/${ROOT}/`, undefined, { authorization: wrong }), 401);
});

test('401 for an unknown account', async () => {
  assertError(await hub.get(`/${ROOT}/`, undefined, { authorization: `Basic ${Buffer.from('mallory:x').toString('base64')}` }), 401);
});

test('401 for an unreadable Authorization header', async () => {
  assertError(await hub.get(`/${ROOT}/`, undefined, { authorization: 'Negotiate abc' }), 401);
});

test('403 when a read-only account posts objects', async () => {
  assertError(await hub.post(shared, [indicator()], 'bob'), 403);
});

test('403 when a write-only account reads objects', async () => {
  assertError(await hub.get(objects(writeOnly), 'bob'), 403);
});

test('403 when a read-only account deletes an object (§5.7)', async () => {
  assertError(await hub.request('DELETE', objects(shared, `${indicator().id}/`), { as: 'bob' }), 403);
});

test('404, not 403, for a collection the account has no right on', async () => {
  assertError(await hub.get(objects(secret), 'bob'), 404);
  assertError(await hub.get(`/${ROOT}/collections/${secret}/`, 'bob'), 404);
  const listed = (await hub.get(`/${ROOT}/collections/`, 'bob')).body.collections as { id: string }[];
  assert.ok(!listed.some((c) => c.id === secret));
});

test('404 for a collection that does not exist', async () => {
  assertError(await hub.get(objects('2b4e7f0a-1c9d-4e8b-9a6f-3d2c1b0a9e8f'), 'alice'), 404);
});

test('404 for an object that is not in the collection', async () => {
  assertError(await hub.get(objects(shared, `${indicator().id}/`), 'alice'), 404);
  assertError(await hub.get(objects(shared, `${indicator().id}/versions/`), 'alice'), 404);
  assertError(await hub.request('DELETE', objects(shared, `${indicator().id}/`), { as: 'alice' }), 404);
});

test('404 for a status resource another account created', async () => {
  const posted = await hub.post(shared, [indicator()], 'alice');
  assertError(await hub.get(`/${ROOT}/status/${posted.body.id}/`, 'bob'), 404);
});

test('404 for a path that is no TAXII endpoint', async () => {
  assertError(await hub.get('/nowhere/', 'alice'), 404);
});

test('405 with an Allow header for a method the endpoint does not define', async () => {
  const reply = await hub.request('PUT', objects(shared), { as: 'alice' });
  assertError(reply, 405);
  assert.equal(reply.headers.get('allow'), 'GET, POST, HEAD');
  assertError(await hub.request('POST', '/taxii2/', { body: {} }), 405);
});

for (const [accept, why] of [
  ['application/json', 'a plain JSON Accept'],
  ['application/taxii+json;version=2.0', 'another TAXII version'],
  ['', 'no Accept header'],
]) {
  test(`406 for ${why}`, async () => assertError(await hub.get('/taxii2/', undefined, { accept }), 406));
}

test('an Accept without version, or among other media ranges, is served', async () => {
  assert.equal((await hub.get('/taxii2/', undefined, { accept: 'application/taxii+json' })).status, 200);
  assert.equal((await hub.get('/taxii2/', undefined, { accept: 'application/json, application/taxii+json;version=2.1' })).status, 200);
});

test('413 when the body exceeds the API root max_content_length', async () => {
  const big = Array.from({ length: 400 }, () => indicator());
  assertError(await hub.post(shared, big, 'alice'), 413);
});

test('415 when a POST body is not application/taxii+json', async () => {
  const reply = await hub.request('POST', objects(shared), { as: 'alice', body: { objects: [] }, headers: { 'content-type': 'application/json' } });
  assertError(reply, 415);
});

test('422 when the POST body is not JSON', async () => {
  assertError(await hub.request('POST', objects(shared), { as: 'alice', body: '{"objects": [' }), 422);
});

test('422 when the envelope objects property is not a list', async () => {
  assertError(await hub.request('POST', objects(shared), { as: 'alice', body: { objects: {} } }), 422);
});

test('500 with an error id when the store fails, and nothing of the failure leaks', async () => {
  const query = hub.store.query;
  hub.store.query = async () => { throw new Error('disk on fire'); };
  try {
    const reply = await hub.get(objects(shared), 'alice');
    assertError(reply, 500);
    assert.ok(reply.body.error_id);
    assert.ok(!reply.text.includes('disk on fire'));
  } finally {
    hub.store.query = query;
  }
});
