// The importer's lookups of stored versions, on a real SQLite store: paced down for new objects, never at
// the cost of a duplicate counted as new.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importObjects } from '../../src/ingest/import.ts';
import type { IncomingObject } from '../../src/ingest/incoming.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { onFreshStore } from '../store/store-contract.ts';

async function freshStore() {
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-import-'));
  return { store: await openStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Objects are looked up in groups of this many (see LOOKUP_GROUP). */
const GROUP = 256;

function notes(from: number, count: number): IncomingObject[] {
  return Array.from({ length: count }, (_, k) => {
    const id = `note--00000000-0000-4000-8000-${(from + k).toString(16).padStart(12, '0')}`;
    const object = {
      type: 'note', spec_version: '2.1', id, created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z',
      content: `note ${from + k}`, object_refs: ['intrusion-set--00000000-0000-4000-8000-000000000001'],
    };
    return { object, origin: `test objects[${from + k}]` };
  });
}

/** The store, counting the importer's calls of hasVersions. */
function counting(store: Store): { store: Store; lookups: () => number } {
  let calls = 0;
  const proxy = new Proxy(store, {
    get(target, key) {
      if (key === 'hasVersions') {
        return (...args: Parameters<Store['hasVersions']>) => {
          calls++;
          return target.hasVersions(...args);
        };
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: proxy, lookups: () => calls };
}

test('a first import of new objects looks up only some of its groups', () => onFreshStore(freshStore, async (store) => {
  const counted = counting(store);
  const summary = await importObjects(counted.store, notes(0, 16 * GROUP));
  assert.equal(summary.newObjects, 16 * GROUP);
  assert.ok(counted.lookups() >= 1 && counted.lookups() < 16, `looked up ${counted.lookups()} of 16 groups`);
}));

test('a re-import looks up every group', () => onFreshStore(freshStore, async (store) => {
  await importObjects(store, notes(0, 8 * GROUP));
  const counted = counting(store);
  const summary = await importObjects(counted.store, notes(0, 8 * GROUP));
  assert.equal(summary.duplicates, 8 * GROUP);
  assert.equal(counted.lookups(), 8);
}));

test('stored versions that follow new objects are still counted as duplicates', () => onFreshStore(freshStore, async (store) => {
  await importObjects(store, notes(0, 300));
  const summary = await importObjects(store, [...notes(1000, 8 * GROUP), ...notes(0, 300)]);
  assert.deepEqual([summary.newObjects, summary.newVersions, summary.duplicates, summary.rejected.length], [8 * GROUP, 0, 300, 0]);
}));

test('large objects are looked up in groups of fewer than 256, so that a group holds a bounded amount of JSON', () => onFreshStore(freshStore, async (store) => {
  // As a file reader gives them: JSON text to parse, about 300 KB each.
  const large = notes(0, 12).map(({ object, origin }) => ({ json: JSON.stringify({ ...(object as Record<string, unknown>), content: 'x'.repeat(300_000) }), origin }));
  await importObjects(store, large);
  const counted = counting(store);
  const summary = await importObjects(counted.store, large);
  assert.equal(summary.duplicates, 12);
  assert.ok(counted.lookups() >= 3, `12 objects of 300 KB were looked up in ${counted.lookups()} groups`);
}));
