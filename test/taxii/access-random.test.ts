// Randomized: many accounts, organisations, collections and markings; no account ever receives an object it may not see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Hub, indicator, ROOT, TLP } from './hub-fixture.ts';
import type { TlpLevel } from '../../src/stix/tlp.ts';

const ORGS = ['o1', 'o2', 'o3'];
const ACCOUNTS = [['a1', 'o1'], ['a2', 'o1'], ['a3', 'o2'], ['a4', 'o3']] as const;
const IDENTITIES = ORGS.map((_, i) => `identity--1a2b3c4d-0000-4000-8000-00000000000${i + 1}`);
const LEVELS: TlpLevel[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];
const MARKING: Record<TlpLevel, string> = { clear: TLP.clear, green: TLP.green, amber: TLP.amber, 'amber+strict': TLP.strict, red: TLP.red };
const PRINCIPALS = [...ACCOUNTS.map(([a]) => `account:${a}`), ...ORGS.map((o) => `org:${o}`)];

interface WorldObject { level: TlpLevel | null; creator: number | null; recipients: string[] }
interface WorldCollection {
  kind: 'stored' | 'view';
  audience: string[];
  community: string[] | null;
  defaultTlp: TlpLevel;
  ceiling: TlpLevel | null;
  grants: string[];
  members: boolean[];
}

const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
const worldObject = fc.record({
  level: fc.option(fc.constantFrom(...LEVELS), { nil: null }),
  creator: fc.option(fc.nat({ max: IDENTITIES.length - 1 }), { nil: null }),
  recipients: subset(PRINCIPALS),
});
const world = fc.record({
  objects: fc.array(worldObject, { minLength: 5, maxLength: 14 }),
  collections: fc.array(fc.record({
    kind: fc.constantFrom('stored' as const, 'view' as const),
    audience: subset(ORGS),
    community: fc.option(subset(ORGS), { nil: null }),
    defaultTlp: fc.constantFrom(...LEVELS),
    ceiling: fc.option(fc.constantFrom(...LEVELS), { nil: null }),
    grants: subset(['*', ...PRINCIPALS]),
    members: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
  }), { minLength: 1, maxLength: 3 }),
});

/** The rules of issue 4, written independently of src/access: may `account` see `object` through `collection`? */
function allowed(account: readonly [string, string], object: WorldObject, collection: WorldCollection): boolean {
  const [id, org] = account;
  const level = object.level ?? collection.defaultTlp;
  if (collection.ceiling !== null && LEVELS.indexOf(level) > LEVELS.indexOf(collection.ceiling)) return false;
  switch (level) {
    case 'clear': return true;
    case 'green': return collection.community === null || collection.community.includes(org);
    case 'amber': return collection.audience.includes(org);
    case 'amber+strict':
      return (object.creator !== null && ORGS[object.creator] === org) || object.recipients.includes(`org:${org}`) || object.recipients.includes(`account:${id}`);
    case 'red': return object.recipients.includes(`account:${id}`);
  }
}

function canRead(account: readonly [string, string], grants: string[]): boolean {
  return grants.includes('*') || grants.includes(`account:${account[0]}`) || grants.includes(`org:${account[1]}`);
}

test('no account ever receives an object its TLP entitlements forbid, through any endpoint', async () => {
  await fc.assert(fc.asyncProperty(world, async (w) => {
    const hub = await Hub.start();
    try {
      for (const [id, org] of ACCOUNTS) await hub.account(id, org);
      for (const [i, org] of ORGS.entries()) await hub.access.mapIdentity(IDENTITIES[i]!, org);
      const objects = w.objects.map((o, i) => indicator({
        n: 9000 + i, ...(o.level ? { marking: MARKING[o.level] } : {}), ...(o.creator !== null ? { createdBy: IDENTITIES[o.creator] } : {}),
      }));
      await hub.store.put(objects.map((object) => ({ object })));
      for (const [i, o] of w.objects.entries()) if (o.recipients.length > 0) await hub.store.setRecipients(objects[i]!.id as string, o.recipients);
      for (const collection of w.collections) {
        const id = await hub.collection({
          kind: collection.kind, audience: collection.audience, community: collection.community, defaultTlp: collection.defaultTlp,
          ...(collection.ceiling ? { filter: { tlpCeiling: collection.ceiling } } : {}),
          grants: Object.fromEntries(collection.grants.map((p) => [p, 'rw' as const])),
        });
        const inCollection = (i: number): boolean => collection.kind === 'view' || collection.members[i] === true;
        if (collection.kind === 'stored') {
          await hub.store.put(objects.flatMap((object, i) => (inCollection(i) ? [{ object, collection: id }] : [])));
        }
        for (const account of ACCOUNTS) {
          const base = `/${ROOT}/collections/${id}`;
          const expected = new Set(objects.filter((_, i) => inCollection(i) && allowed(account, w.objects[i]!, collection)).map((o) => o.id as string));
          if (!canRead(account, collection.grants)) {
            assert.equal((await hub.get(`${base}/objects/`, account[0])).status, 404);
            continue;
          }
          const received = new Set<string>();
          let next: string | undefined;
          do {
            const page = (await hub.get(`${base}/objects/?limit=3${next ? `&next=${next}` : ''}`, account[0])).body;
            for (const o of page.objects ?? []) received.add(o.id);
            next = page.next;
          } while (next);
          assert.deepEqual([...received].sort(), [...expected].sort(), `objects for ${account[0]}`);
          const manifest = (await hub.get(`${base}/manifest/?match[version]=all`, account[0])).body;
          assert.deepEqual((manifest.objects ?? []).map((r: { id: string }) => r.id).sort(), [...expected].sort(), `manifest for ${account[0]}`);
          for (const object of objects) {
            const visible = expected.has(object.id as string);
            const one = await hub.get(`${base}/objects/${object.id}/`, account[0]);
            assert.equal(one.status, visible ? 200 : 404, `object ${object.id} for ${account[0]}`);
            const versions = await hub.get(`${base}/objects/${object.id}/versions/`, account[0]);
            assert.equal(versions.status, visible ? 200 : 404);
          }
        }
      }
    } finally {
      await hub.close();
    }
  }), { numRuns: 15 });
});
