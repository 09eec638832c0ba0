// Runs the Store contract against the SQLite backend, each test on its own database file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onFreshStore, storeContract } from './store-contract.ts';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openStore } from '../../src/store/open-store.ts';
import { InvalidCursorError } from '../../src/store/errors.ts';
import type { Store } from '../../src/store/store.ts';

async function freshStore() {
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-store-'));
  return { store: await openStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

storeContract('sqlite', freshStore);

const withStore = (body: (store: Store) => Promise<void>): Promise<void> => onFreshStore(freshStore, body);

test('sqlite: data survives closing and reopening the file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-store-'));
  try {
    const first = await openStore(dir);
    const object = { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '198.51.100.3' };
    await first.put([{ object }]);
    await first.close();
    const second = await openStore(dir);
    assert.equal((await second.get(object.id)).length, 1);
    await second.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('sqlite: a forged cursor is rejected with InvalidCursorError', () => withStore(async (store) => {
  await assert.rejects(store.query({ cursor: 'bm9wZQ' }), InvalidCursorError);
}));

const address = (n: number) => ({
  type: 'ipv4-addr', spec_version: '2.1', id: `ipv4-addr--00000000-0000-5000-8000-${String(n).padStart(12, '0')}`, value: `198.51.100.${n}`,
});

test('sqlite: puts announcing more are stored together and each is answered', () => withStore(async (store) => {
  const answers = await Promise.all([
    store.put([{ object: address(1) }], { more: true }),
    store.put([{ object: address(2) }], { more: true }),
    store.put([{ object: address(3) }]),
  ]);
  assert.deepEqual(answers, [['new-object'], ['new-object'], ['new-object']]);
  for (const n of [1, 2, 3]) assert.equal((await store.get(address(n).id)).length, 1);
}));

test('sqlite: a put announcing more is committed when no more come', () => withStore(async (store) => {
  assert.deepEqual(await store.put([{ object: address(4) }], { more: true }), ['new-object']);
  assert.equal((await store.get(address(4).id)).length, 1);
}));

test('sqlite: a put that fails inside a shared commit fails alone', () => withStore(async (store) => {
  // No type: the row breaks a NOT NULL constraint in the writer, after the first put of the group is written.
  const broken = { spec_version: '2.1', id: 'ipv4-addr--00000000-0000-5000-8000-000000000099', value: '198.51.100.99' };
  const [first, second, third] = await Promise.allSettled([
    store.put([{ object: address(5) }], { more: true }),
    store.put([{ object: broken as Record<string, unknown> }], { more: true }),
    store.put([{ object: address(6) }]),
  ]);
  assert.deepEqual(first, { status: 'fulfilled', value: ['new-object'] });
  assert.equal(second.status, 'rejected');
  assert.match(String((second as PromiseRejectedResult).reason), new RegExp(`version of ${broken.id} could not be stored`));
  assert.deepEqual(third, { status: 'fulfilled', value: ['new-object'] });
  assert.equal((await store.get(broken.id)).length, 0);
  assert.equal((await store.get(address(5).id)).length, 1);
  assert.equal((await store.get(address(6).id)).length, 1);
}));

test('sqlite: the puts before a failing one in a shared commit keep their outcomes', () => withStore(async (store) => {
  const broken = { spec_version: '2.1', id: 'ipv4-addr--00000000-0000-5000-8000-000000000098', value: '198.51.100.98' };
  const [first, again, failed, after] = await Promise.allSettled([
    store.put([{ object: address(7) }, { object: address(8) }], { more: true }),
    store.put([{ object: address(8) }], { more: true }),
    store.put([{ object: address(9) }, { object: broken as Record<string, unknown> }], { more: true }),
    store.put([{ object: address(9) }]),
  ]);
  assert.deepEqual(first, { status: 'fulfilled', value: ['new-object', 'new-object'] });
  assert.deepEqual(again, { status: 'fulfilled', value: ['duplicate'] });
  assert.equal(failed.status, 'rejected');
  // The failing batch left nothing behind, so its first object is new to the put after it.
  assert.deepEqual(after, { status: 'fulfilled', value: ['new-object'] });
  for (const n of [7, 8, 9]) assert.equal((await store.get(address(n).id)).length, 1);
}));

const TARGET = 'identity--00000000-0000-4000-8000-0000000000aa';
const noteOn = (n: number) => ({
  type: 'note', spec_version: '2.1', id: `note--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', content: `note ${n}`, object_refs: [TARGET],
});
const referrers = async (store: Store): Promise<string[]> => (await store.edges(TARGET)).map((e) => e.source).sort();

test('sqlite: a reference to an identifier numbered before a reopen files under the same node', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-store-'));
  try {
    const first = await openStore(dir);
    await first.put([{ object: noteOn(1) }]);
    await first.close();
    const second = await openStore(dir);
    try {
      await second.put([{ object: noteOn(2) }]);
      assert.deepEqual(await referrers(second), [noteOn(1).id, noteOn(2).id]);
    } finally {
      await second.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('sqlite: identifiers numbered in a rolled-back batch are numbered again after it', () => withStore(async (store) => {
  await store.put([{ object: noteOn(3) }]);
  const batch = await store.begin();
  await batch.put([{ object: noteOn(4) }, { object: { ...noteOn(5), object_refs: ['identity--00000000-0000-4000-8000-0000000000bb'] } }]);
  await batch.rollback();
  await store.put([{ object: { ...noteOn(6), object_refs: [TARGET, 'identity--00000000-0000-4000-8000-0000000000bb'] } }]);
  assert.deepEqual(await referrers(store), [noteOn(3).id, noteOn(6).id]);
  assert.deepEqual((await store.edges('identity--00000000-0000-4000-8000-0000000000bb')).map((e) => e.source), [noteOn(6).id]);
}));

test('sqlite: a database with the edge layout of schema version 2 has its edges filed again on opening', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-store-'));
  const relationship = {
    type: 'relationship', spec_version: '2.1', id: 'relationship--00000000-0000-4000-8000-0000000000cc', created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z', relationship_type: 'related-to', source_ref: noteOn(7).id, target_ref: TARGET,
  };
  try {
    const first = await openStore(dir);
    await first.put([{ object: noteOn(7) }, { object: relationship }]);
    await first.close();
    const raw = new Database(join(dir, DATABASE_FILE));
    raw.exec(`DROP TABLE edges;
      CREATE TABLE edges (node INTEGER NOT NULL, seq INTEGER NOT NULL, source INTEGER NOT NULL, target INTEGER NOT NULL,
        via INTEGER NOT NULL, through INTEGER NOT NULL, PRIMARY KEY (node, seq, source, target, via, through)) WITHOUT ROWID`);
    raw.pragma('user_version = 2');
    raw.close();
    const second = await openStore(dir);
    try {
      assert.deepEqual(await second.edges(TARGET), [
        { source: noteOn(7).id, target: TARGET, via: 'object_refs' },
        { source: noteOn(7).id, target: TARGET, via: 'related-to', through: relationship.id },
      ]);
    } finally {
      await second.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('sqlite: two stores on one file number the identifiers they reference without colliding', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-store-'));
  const other = 'identity--00000000-0000-4000-8000-0000000000dd';
  const [a, b] = [await openStore(dir), await openStore(dir)];
  try {
    await b.put([{ object: noteOn(11) }]);
    await a.put([{ object: { ...noteOn(12), object_refs: [other] } }]);
    await b.put([{ object: { ...noteOn(13), object_refs: [other, TARGET] } }]);
    assert.deepEqual((await b.edges(other)).map((e) => e.source).sort(), [noteOn(12).id, noteOn(13).id]);
    assert.deepEqual(await referrers(a), [noteOn(11).id, noteOn(13).id]);
  } finally {
    await a.close();
    await b.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('sqlite: a store writing a file another process writes too takes up its date_added clock after the other one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-store-'));
  const store = await openStore(dir);
  try {
    await store.put([{ object: noteOn(20) }]);
    // Another process, whose clock is ahead, has taken the first microsecond of each of the next 60 ms.
    const other = new Database(join(dir, DATABASE_FILE));
    const now = Date.now();
    const insert = other.prepare(`INSERT INTO versions (seq, id, type, version_key, modified, spec_version, created_by, revoked, tlp,
      supplied_account, supplied_org, is_latest, is_first, json) VALUES (?, ?, 'note', '', NULL, '2.1', NULL, 0, NULL, NULL, NULL, 1, 1, ?)`);
    other.transaction(() => {
      for (let ms = 0; ms < 60; ms++) insert.run((now + ms) * 1000, noteOn(1000 + ms).id, JSON.stringify(noteOn(1000 + ms)));
    })();
    other.close();
    // Puts a millisecond or so apart: each would take the first microsecond of its millisecond.
    for (let n = 0; n < 40; n++) {
      assert.deepEqual(await store.put([{ object: noteOn(2000 + n) }]), ['new-object'], `put ${n}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});
