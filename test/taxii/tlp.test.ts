// TLP 2.0 enforcement on every endpoint: what an account may not see is absent, and nothing betrays it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hub, indicator, ROOT, TLP } from './hub-fixture.ts';

const PRODUCER = 'identity--1a2b3c4d-0000-4000-8000-000000000001';
let hub: Hub;
let c: string;
const objects = {
  clear: indicator({ marking: TLP.clear }),
  green: indicator({ marking: TLP.green }),
  amber: indicator({ marking: TLP.amber }),
  strict: indicator({ marking: TLP.strict, createdBy: PRODUCER }),
  strictNamed: indicator({ marking: TLP.strict }),
  red: indicator({ marking: TLP.red }),
  unmarked: indicator(),
};

before(async () => {
  hub = await Hub.start();
  await hub.account('ann', 'producer');       // works at the organisation that produced the strict object
  await hub.account('bea', 'audience');       // organisation in the AMBER audience, named on the strict object
  await hub.account('cid', 'community');      // community member only
  await hub.account('dan', 'outsider');       // not in the community
  await hub.account('eve', 'community');      // named on the RED object
  await hub.access.mapIdentity(PRODUCER, 'producer');
  c = await hub.collection({
    audience: ['audience'], community: ['producer', 'audience', 'community'], defaultTlp: 'amber', grants: { '*': 'rw' },
  });
  await hub.store.put(Object.values(objects).map((object) => ({ object, collection: c })));
  await hub.store.setRecipients(objects.strictNamed.id as string, ['org:audience']);
  await hub.store.setRecipients(objects.red.id as string, ['account:eve', 'org:community']);
});
after(() => hub.close());

const seen = async (account: string): Promise<string[]> => {
  const reply = await hub.get(`/${ROOT}/collections/${c}/objects/`, account);
  const found = (reply.body.objects ?? []).map((o: { id: string }) => o.id);
  return Object.entries(objects).filter(([, o]) => found.includes(o.id)).map(([name]) => name);
};

test('TLP:CLEAR reaches everyone allowed into the collection, GREEN only the community', async () => {
  assert.deepEqual(await seen('dan'), ['clear']);
  assert.ok((await seen('cid')).includes('green'));
});

test('TLP:AMBER reaches the audience organisations, and unmarked objects follow the collection default (AMBER here)', async () => {
  assert.deepEqual(await seen('bea'), ['clear', 'green', 'amber', 'strictNamed', 'unmarked']);
  assert.ok(!(await seen('cid')).includes('amber'));
  assert.ok(!(await seen('cid')).includes('unmarked'));
});

test('TLP:AMBER+STRICT reaches the producing organisation and the organisations it names', async () => {
  assert.deepEqual(await seen('ann'), ['clear', 'green', 'strict']);
  assert.ok((await seen('bea')).includes('strictNamed'));
  assert.ok(!(await seen('cid')).includes('strict'));
});

test('TLP:RED reaches only the individually named account, not its organisation', async () => {
  assert.deepEqual(await seen('eve'), ['clear', 'green', 'red']);
  assert.ok(!(await seen('cid')).includes('red'));
});

test('a hidden object is a 404 by id and on its versions, as if it did not exist', async () => {
  const base = `/${ROOT}/collections/${c}/objects/${objects.red.id}/`;
  assert.equal((await hub.get(base, 'cid')).status, 404);
  assert.equal((await hub.get(`${base}versions/`, 'cid')).status, 404);
  assert.equal((await hub.get(base, 'eve')).status, 200);
});

test('a hidden object is absent from the manifest', async () => {
  const manifest = (await hub.get(`/${ROOT}/collections/${c}/manifest/?match[version]=all`, 'dan')).body;
  assert.deepEqual(manifest.objects.map((r: { id: string }) => r.id), [objects.clear.id]);
});

test('hidden objects after the last visible one set neither more nor next', async () => {
  const page = (await hub.get(`/${ROOT}/collections/${c}/objects/?limit=1`, 'dan')).body;
  assert.deepEqual([page.objects.length, page.more, page.next], [1, false, undefined]);
});

test('the date-added headers describe only the visible objects', async () => {
  const reply = await hub.get(`/${ROOT}/collections/${c}/manifest/`, 'dan');
  assert.equal(reply.headers.get('x-taxii-date-added-last'), reply.body.objects[0].date_added);
});

test('deleting a hidden object is a 404 and leaves it in place', async () => {
  const reply = await hub.request('DELETE', `/${ROOT}/collections/${c}/objects/${objects.red.id}/`, { as: 'dan' });
  assert.equal(reply.status, 404);
  assert.equal((await hub.get(`/${ROOT}/collections/${c}/objects/${objects.red.id}/`, 'eve')).status, 200);
});

test('a view with a GREEN ceiling withholds AMBER even from the audience', async () => {
  const view = await hub.collection({ kind: 'view', audience: ['audience'], filter: { tlpCeiling: 'green' }, grants: { '*': 'r' } });
  const ids = ((await hub.get(`/${ROOT}/collections/${view}/objects/`, 'bea')).body.objects ?? []).map((o: { id: string }) => o.id);
  assert.ok(ids.includes(objects.green.id));
  assert.ok(!ids.includes(objects.amber.id));
  assert.ok(!ids.includes(objects.strictNamed.id));
});
