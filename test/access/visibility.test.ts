// TLP 2.0 decisions for one account and collection, one row per rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibilityFor } from '../../src/access/visibility.ts';
import type { Account, CollectionConfig } from '../../src/access/model.ts';
import type { Visibility } from '../../src/store/store.ts';

const alice: Account = { id: 'alice', org: 'cert-a', name: 'Alice' };
const base: CollectionConfig = {
  id: '2b4e7f0a-1c9d-4e8b-9a6f-3d2c1b0a9e8f', apiRoot: 'api', title: 'c', kind: 'stored',
  audience: [], community: null, defaultTlp: 'green',
};
const producers = ['identity--1a2b3c4d-0000-4000-8000-000000000001'];

const rows: { title: string; collection: Partial<CollectionConfig>; expect: Partial<Visibility> }[] = [
  { title: 'CLEAR and GREEN for a member of an open community', collection: {}, expect: { levels: ['clear', 'green'] } },
  { title: 'only CLEAR when the community leaves the account organisation out', collection: { community: ['cert-b'] }, expect: { levels: ['clear'] } },
  { title: 'GREEN when the community names the organisation', collection: { community: ['cert-a'] }, expect: { levels: ['clear', 'green'] } },
  { title: 'AMBER for an organisation in the audience', collection: { audience: ['cert-a'] }, expect: { levels: ['clear', 'green', 'amber'] } },
  { title: 'no AMBER for an organisation outside the audience', collection: { audience: ['cert-b'] }, expect: { levels: ['clear', 'green'] } },
  { title: 'unmarked objects take the collection default', collection: { defaultTlp: 'amber' }, expect: { unmarked: 'amber' } },
  {
    title: 'AMBER+STRICT for the producing organisation and principals naming the organisation or the account',
    collection: {},
    expect: { strictProducers: producers, strictPrincipals: ['org:cert-a', 'account:alice'] },
  },
  { title: 'RED only for the individually named account', collection: {}, expect: { redPrincipals: ['account:alice'] } },
  {
    title: 'a view with a GREEN ceiling drops AMBER, AMBER+STRICT and RED',
    collection: { kind: 'view', audience: ['cert-a'], filter: { tlpCeiling: 'green' } },
    expect: { levels: ['clear', 'green'], strictProducers: [], strictPrincipals: [], redPrincipals: [] },
  },
  {
    title: 'a view with an AMBER+STRICT ceiling keeps strict sharing but drops RED',
    collection: { kind: 'view', filter: { tlpCeiling: 'amber+strict' } },
    expect: { strictPrincipals: ['org:cert-a', 'account:alice'], redPrincipals: [] },
  },
  { title: 'a CLEAR ceiling leaves only CLEAR', collection: { filter: { tlpCeiling: 'clear' }, audience: ['cert-a'] }, expect: { levels: ['clear'] } },
];

for (const row of rows) {
  test(`visibility: ${row.title}`, () => {
    const visibility = visibilityFor(alice, { ...base, ...row.collection }, producers);
    for (const [key, value] of Object.entries(row.expect)) assert.deepEqual(visibility[key as keyof Visibility], value, key);
  });
}
