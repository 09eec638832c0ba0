// Runs the Store contract against the SQLite backend, each test on its own database file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from './store-contract.ts';
import { openStore } from '../../src/store/open-store.ts';
import { InvalidCursorError } from '../../src/store/errors.ts';

async function freshStore() {
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-store-'));
  return { store: await openStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

storeContract('sqlite', freshStore);

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

test('sqlite: a forged cursor is rejected with InvalidCursorError', async () => {
  const { store, cleanup } = await freshStore();
  try {
    await assert.rejects(store.query({ cursor: 'bm9wZQ' }), InvalidCursorError);
  } finally {
    await store.close();
    await cleanup();
  }
});
