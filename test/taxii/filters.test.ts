// TAXII 2.1 §3.4 filters and §3.5 pagination on the objects, manifest, object and versions endpoints.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hub, indicator, ROOT } from './hub-fixture.ts';

let hub: Hub;
let c: string;
const actor = {
  type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a',
  created: '2020-01-01T00:00:00.000Z', name: 'Lazarus Group',
};
const v = (modified: string) => ({ ...actor, modified });
const V1 = '2020-01-01T00:00:00.000Z';
const V2 = '2021-01-01T00:00:00.000Z';
const V3 = '2022-01-01T00:00:00.000Z';
const ind = [indicator(), indicator(), indicator()];
const sco = { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '198.51.100.3' };

before(async () => {
  hub = await Hub.start();
  await hub.account('alice', 'cert-a');
  c = await hub.collection({ grants: { 'account:alice': 'rw' } });
  for (const object of [v(V1), ind[0], v(V2), ind[1], v(V3), ind[2], sco]) await hub.post(c, [object], 'alice');
});
after(() => hub.close());

const get = async (path: string, query: string) => (await hub.get(`/${ROOT}/collections/${c}/${path}${query}`, 'alice')).body;
const ids = (body: { objects?: { id: string }[] }) => (body.objects ?? []).map((o) => o.id);
const versions = (body: { objects?: { modified?: string }[] }) => (body.objects ?? []).map((o) => o.modified);

test('objects come in date-added order, latest version of each by default (§3.3, §3.4.1)', async () => {
  assert.deepEqual(ids(await get('objects/', '')), [ind[0]!.id, ind[1]!.id, actor.id, ind[2]!.id, sco.id]);
  assert.deepEqual(versions(await get('objects/', `?match[id]=${actor.id}`)), [V3]);
});

test('match[id] takes a comma list', async () => {
  assert.deepEqual(ids(await get('objects/', `?match[id]=${ind[0]!.id},${sco.id}`)).sort(), [ind[0]!.id, sco.id].sort());
});

test('match[type] takes a comma list', async () => {
  assert.deepEqual(ids(await get('objects/', '?match[type]=intrusion-set,ipv4-addr')), [actor.id, sco.id]);
  assert.deepEqual(ids(await get('objects/', '?match[type]=indicator')).length, 3);
});

for (const [value, expected] of [
  ['first', [V1]],
  ['last', [V3]],
  ['all', [V1, V2, V3]],
  [V2, [V2]],
  [`${V1},${V3}`, [V1, V3]],
  ['first,last', [V1, V3]],
  [`first,${V2}`, [V1, V2]],
  ['2019-01-01T00:00:00.000Z', []],
] as const) {
  test(`match[version]=${value} selects ${expected.length === 0 ? 'nothing' : expected.join(', ')}`, async () => {
    assert.deepEqual(versions(await get('objects/', `?match[id]=${actor.id}&match[version]=${value}`)), expected);
  });
}

test('match[version] also applies to the manifest and to an object by id', async () => {
  const manifest = await get('manifest/', `?match[id]=${actor.id}&match[version]=all`);
  assert.deepEqual(manifest.objects.map((r: { version: string }) => r.version), [V1, V2, V3]);
  assert.deepEqual(versions(await get(`objects/${actor.id}/`, '?match[version]=first')), [V1]);
});

test('match[spec_version] keeps only the named specification versions', async () => {
  assert.equal(ids(await get('objects/', '?match[spec_version]=2.1')).length, 5);
  assert.deepEqual(await get('objects/', '?match[spec_version]=2.0'), { more: false });
});

test('added_after returns only versions added strictly later', async () => {
  const all = await hub.get(`/${ROOT}/collections/${c}/manifest/?match[version]=all`, 'alice');
  const records = all.body.objects as { id: string; date_added: string }[];
  const after = await get('manifest/', `?match[version]=all&added_after=${records[3]!.date_added}`);
  assert.deepEqual(after.objects, records.slice(4));
});

test('an SCO without created or modified takes its date_added as version in the manifest', async () => {
  const manifest = await get('manifest/', `?match[id]=${sco.id}`);
  assert.equal(manifest.objects[0].version, manifest.objects[0].date_added);
});

test('limit caps a page, sets more and next, and next continues it (§3.5)', async () => {
  const first = await get('objects/', '?limit=2');
  assert.equal(first.objects.length, 2);
  assert.equal(first.more, true);
  const second = await get('objects/', `?limit=2&next=${first.next}`);
  const third = await get('objects/', `?limit=2&next=${second.next}`);
  assert.equal(third.more, false);
  assert.equal(third.next, undefined);
  assert.deepEqual([...ids(first), ...ids(second), ...ids(third)], ids(await get('objects/', '')));
});

test('paging with added_after from X-TAXII-Date-Added-Last gives the same pages as next (§3.5)', async () => {
  const first = await hub.get(`/${ROOT}/collections/${c}/objects/?limit=3`, 'alice');
  const last = first.headers.get('x-taxii-date-added-last')!;
  const rest = await get('objects/', `?added_after=${last}`);
  assert.deepEqual([...ids(first.body), ...ids(rest)], ids(await get('objects/', '')));
});

test('the versions endpoint pages with limit and next', async () => {
  const first = await get(`objects/${actor.id}/versions/`, '?limit=2');
  assert.deepEqual(first.versions, [V1, V2]);
  assert.equal(first.more, true);
  const second = await get(`objects/${actor.id}/versions/`, `?limit=2&next=${first.next}`);
  assert.deepEqual(second, { more: false, versions: [V3] });
});

test('an object by id pages its versions with limit', async () => {
  const page = await get(`objects/${actor.id}/`, '?match[version]=all&limit=1');
  assert.deepEqual([versions(page), page.more], [[V1], true]);
});

test('a limit above the server maximum is served at the maximum', async () => {
  const small = await Hub.start({ maxPageSize: 2 });
  try {
    await small.account('alice', 'cert-a');
    const coll = await small.collection({ grants: { 'account:alice': 'rw' } });
    await small.post(coll, [indicator(), indicator(), indicator()], 'alice');
    const page = (await small.get(`/${ROOT}/collections/${coll}/objects/?limit=50`, 'alice')).body;
    assert.deepEqual([page.objects.length, page.more], [2, true]);
  } finally {
    await small.close();
  }
});

test('paging through several pages while objects are being added loses and repeats nothing', async () => {
  const coll = await hub.collection({ grants: { 'account:alice': 'rw' } });
  const initial = Array.from({ length: 40 }, () => indicator());
  await hub.post(coll, initial, 'alice');
  const added: Record<string, unknown>[] = [];
  const seen: string[] = [];
  let next: string | undefined;
  let pages = 0;
  do {
    const page = (await hub.get(`/${ROOT}/collections/${coll}/objects/?limit=7${next ? `&next=${next}` : ''}`, 'alice')).body;
    seen.push(...ids(page));
    next = page.next;
    pages++;
    // Another partner adds objects between pages; they must show up after everything already paged.
    if (pages <= 3) {
      const batch = [indicator(), indicator()];
      added.push(...batch);
      await hub.post(coll, batch, 'alice');
    }
  } while (next);
  assert.ok(pages >= 6);
  assert.equal(new Set(seen).size, seen.length);
  assert.deepEqual(seen, [...initial, ...added].map((o) => o.id));
});
