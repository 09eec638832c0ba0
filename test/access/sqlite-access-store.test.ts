// The SQLite access store keeps organisations, accounts, tokens, collections, grants, statuses and feeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAccessStore, openStore } from '../../src/store/open-store.ts';
import type { AccessStore } from '../../src/store/access-store.ts';
import type { CollectionConfig } from '../../src/access/model.ts';

async function withAccess(body: (access: AccessStore, dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-access-'));
  const access = await openAccessStore(dir);
  try {
    await body(access, dir);
  } finally {
    await access.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const collection: CollectionConfig = {
  id: '2b4e7f0a-1c9d-4e8b-9a6f-3d2c1b0a9e8f', apiRoot: 'api', title: 'Shared', alias: 'shared', kind: 'stored',
  audience: ['cert-a'], community: null, defaultTlp: 'green',
};

test('access store: organisations, identities and accounts round-trip', async () => {
  await withAccess(async (access) => {
    await access.addOrg({ id: 'cert-a', name: 'CERT A' });
    await access.mapIdentity('identity--1', 'cert-a');
    await access.addAccount({ id: 'alice', org: 'cert-a', name: 'Alice' }, 'scrypt$hash');
    assert.deepEqual(await access.org('cert-a'), { id: 'cert-a', name: 'CERT A' });
    assert.deepEqual(await access.identitiesOf('cert-a'), ['identity--1']);
    assert.deepEqual(await access.account('alice'), { id: 'alice', org: 'cert-a', name: 'Alice' });
    assert.equal(await access.passwordHash('alice'), 'scrypt$hash');
    assert.equal(await access.account('nobody'), null);
  });
});

test('access store: a revoked token is still found, marked revoked', async () => {
  await withAccess(async (access) => {
    await access.addOrg({ id: 'cert-a', name: 'CERT A' });
    await access.addAccount({ id: 'alice', org: 'cert-a', name: 'Alice' }, null);
    await access.addToken({ id: 't1', account: 'alice', created: '2026-01-01T00:00:00Z', revoked: false }, 'h');
    assert.equal(await access.revokeToken('t1'), true);
    assert.equal((await access.token('t1'))?.token.revoked, true);
    assert.equal(await access.revokeToken('nope'), false);
  });
});

test('access store: collections are found by id or alias within their API root', async () => {
  await withAccess(async (access) => {
    await access.putCollection(collection);
    assert.deepEqual(await access.collection('api', collection.id), collection);
    assert.deepEqual(await access.collection('api', 'shared'), collection);
    assert.equal(await access.collection('other', 'shared'), null);
  });
});

test('access store: grants add up and revoking removes only the named rights', async () => {
  await withAccess(async (access) => {
    await access.grant({ collection: 'c', principal: 'org:a', read: true, write: false });
    await access.grant({ collection: 'c', principal: 'org:a', read: false, write: true });
    assert.deepEqual(await access.grants('c'), [{ collection: 'c', principal: 'org:a', read: true, write: true }]);
    await access.revoke('c', 'org:a', { read: false, write: true });
    assert.deepEqual(await access.grants('c'), [{ collection: 'c', principal: 'org:a', read: true, write: false }]);
    await access.revoke('c', 'org:a', { read: true, write: true });
    assert.deepEqual(await access.grants('c'), []);
  });
});

test('access store: status resources survive reopening the database', async () => {
  await withAccess(async (access, dir) => {
    await access.putStatus({ id: 's1', apiRoot: 'api', account: 'alice', json: '{"id":"s1"}' });
    const again = await openAccessStore(dir);
    assert.equal((await again.status('s1'))?.json, '{"id":"s1"}');
    await again.close();
  });
});

test('access store: shares the database file with the knowledge-base store', async () => {
  await withAccess(async (_access, dir) => {
    const store = await openStore(dir);
    await store.setSetting('k', 'v');
    assert.equal(await store.getSetting('k'), 'v');
    await store.close();
  });
});

test('access store: feeds keep their resume position', async () => {
  await withAccess(async (access) => {
    await access.putFeed({ name: 'f', url: 'https://x/api/collections/c/', auth: 'bearer', user: null, secret: 's', addedAfter: null });
    await access.setFeedPosition('f', '2026-01-01T00:00:00.000000Z');
    assert.equal((await access.feed('f'))?.addedAfter, '2026-01-01T00:00:00.000000Z');
  });
});
