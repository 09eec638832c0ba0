// Per-collection rights from grants to an account, its organisation or everyone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayKnow, rightsFor } from '../../src/access/rights.ts';
import type { Account, CollectionConfig, Grant } from '../../src/access/model.ts';

const alice: Account = { id: 'alice', org: 'cert-a', name: 'Alice' };
const stored: CollectionConfig = { id: 'c1', apiRoot: 'api', title: 'c', kind: 'stored', audience: [], community: null, defaultTlp: 'green' };
const view: CollectionConfig = { ...stored, id: 'v1', kind: 'view' };
const g = (collection: string, principal: string, read: boolean, write: boolean): Grant => ({ collection, principal, read, write });

const rows: { title: string; collection: CollectionConfig; grants: Grant[]; read: boolean; write: boolean }[] = [
  { title: 'no grant gives no right', collection: stored, grants: [], read: false, write: false },
  { title: 'a grant to the account', collection: stored, grants: [g('c1', 'account:alice', true, false)], read: true, write: false },
  { title: 'a grant to the organisation', collection: stored, grants: [g('c1', 'org:cert-a', false, true)], read: false, write: true },
  { title: 'a grant to everyone', collection: stored, grants: [g('c1', '*', true, true)], read: true, write: true },
  { title: 'grants add up', collection: stored, grants: [g('c1', 'org:cert-a', true, false), g('c1', 'account:alice', false, true)], read: true, write: true },
  { title: 'grants to other accounts or organisations do not count', collection: stored, grants: [g('c1', 'account:bob', true, true), g('c1', 'org:cert-b', true, true)], read: false, write: false },
  { title: 'grants on another collection do not count', collection: stored, grants: [g('c2', 'account:alice', true, true)], read: false, write: false },
  { title: 'a view is never writable', collection: view, grants: [g('v1', 'account:alice', true, true)], read: true, write: false },
];

for (const row of rows) {
  test(`rights: ${row.title}`, () => {
    assert.deepEqual(rightsFor(alice, row.collection, row.grants), { read: row.read, write: row.write });
  });
}

test('rights: a collection without any right is one the account may not know', () => {
  assert.equal(mayKnow({ read: false, write: false }), false);
  assert.equal(mayKnow({ read: false, write: true }), true);
});
