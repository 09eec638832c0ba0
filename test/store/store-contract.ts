// The behaviour every Store backend must show; each backend's test file runs it with its own factory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store, VersionMatch, Visibility } from '../../src/store/store.ts';

export type StoreFactory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

const IDENTITY = 'identity--0f2a9c2e-8f36-4a48-9fb7-3a1a2f6f0c11';
const ACTOR = 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a';
const MALWARE = 'malware--b2e2a3f1-7c8d-4e5f-9a0b-1c2d3e4f5a6b';
const TLP_CLEAR = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
const TLP = {
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  strict: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
  red1: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
};
const COLLECTION = 'c8a5c4a2-5c37-4d0a-9d2b-2b5a4e0b8f11';

function note(n: number, marking?: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'note', spec_version: '2.1', id: `note--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: '2020-01-01T00:00:00.000Z', modified: '2020-01-01T00:00:00.000Z', content: `note ${n}`,
    object_refs: [ACTOR], ...(marking ? { object_marking_refs: [marking] } : {}), ...extra,
  };
}

const NOBODY: Visibility = { levels: ['clear'], unmarked: 'clear', strictProducers: [], strictPrincipals: [], redPrincipals: [] };

function actor(modified: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'intrusion-set', spec_version: '2.1', id: ACTOR, created: '2020-01-01T00:00:00.000Z', modified,
    name: 'Lazarus Group', created_by_ref: IDENTITY, ...extra,
  };
}

const malware = {
  type: 'malware', spec_version: '2.1', id: MALWARE, created: '2020-01-01T00:00:00.000Z',
  modified: '2020-01-01T00:00:00.000Z', name: 'Volgmer', is_family: true, object_marking_refs: [TLP_CLEAR],
};
const uses = {
  type: 'relationship', spec_version: '2.1', id: 'relationship--5a0d7e2b-1c3f-4d5e-8f9a-0b1c2d3e4f5a',
  created: '2020-01-01T00:00:00.000Z', modified: '2020-01-01T00:00:00.000Z', relationship_type: 'uses',
  source_ref: ACTOR, target_ref: MALWARE,
};

/** Runs `body` on a store from `open`, closed and removed afterwards. */
export async function onFreshStore(open: StoreFactory, body: (store: Store) => Promise<void>): Promise<void> {
  const { store, cleanup } = await open();
  try {
    await body(store);
  } finally {
    await store.close();
    await cleanup();
  }
}

export function storeContract(name: string, open: StoreFactory): void {
  const withStore = (title: string, body: (store: Store) => Promise<void>): void => {
    test(`${name}: ${title}`, () => onFreshStore(open, body));
  };

  withStore('latestJson pages through the latest version of each object of a type, in date-added order', async (store) => {
    await store.put([{ object: note(1) }, { object: actor('2020-01-01T00:00:00.000Z') }, { object: note(2) }]);
    await store.put([{ object: note(3) }, { object: note(1, undefined, { modified: '2021-01-01T00:00:00.000Z' }) }]);
    const first = await store.latestJson({ types: ['note'], limit: 2 });
    assert.deepEqual(first.json.map((j) => (JSON.parse(j) as { content: string }).content), ['note 2', 'note 3']);
    assert.ok(first.next);
    const second = await store.latestJson({ types: ['note'], limit: 2, cursor: first.next });
    assert.deepEqual(second.json.map((j) => JSON.parse(j) as { modified: string }).map((n) => n.modified), ['2021-01-01T00:00:00.000Z']);
    assert.equal(second.next, null);
    const after = await store.latestJson({ types: ['note'], limit: 10, addedAfter: first.lastAdded! });
    assert.equal(after.json.length, 1);
    assert.equal(after.lastAdded, second.lastAdded);
    assert.deepEqual(await store.latestJson({ types: ['note'], limit: 10, addedAfter: second.lastAdded! }), { json: [], lastAdded: null, next: null });
  });

  withStore('a new object is reported as new', async (store) => {
    assert.deepEqual(await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }]), ['new-object']);
  });

  withStore('storing the same version again is a no-op reported as duplicate', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }]);
    assert.deepEqual(await store.put([{ object: actor('2020-01-01T00:00:00Z') }]), ['duplicate']);
    assert.equal((await store.get(ACTOR, 'all')).length, 1);
  });

  withStore('a newer modified adds a version and becomes latest', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }]);
    assert.deepEqual(await store.put([{ object: actor('2021-01-01T00:00:00.000Z') }]), ['new-version']);
    const [latest] = await store.get(ACTOR, 'latest');
    assert.equal(latest!.modified, '2021-01-01T00:00:00.000Z');
  });

  withStore('an older version arriving late does not replace latest but becomes first', async (store) => {
    await store.put([{ object: actor('2021-01-01T00:00:00.000Z') }]);
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }]);
    assert.equal((await store.get(ACTOR, 'latest'))[0]!.modified, '2021-01-01T00:00:00.000Z');
    assert.equal((await store.get(ACTOR, 'first'))[0]!.modified, '2020-01-01T00:00:00.000Z');
  });

  withStore('versions compare as instants whatever their fraction digits', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.5Z') }, { object: actor('2020-01-01T00:00:00Z') }]);
    assert.equal((await store.get(ACTOR, 'latest'))[0]!.modified, '2020-01-01T00:00:00.5Z');
  });

  withStore('versions of one object put together leave one latest and one first', async (store) => {
    const years = ['2021', '2020', '2022', '2019'];
    await store.put(years.map((y) => ({ object: actor(`${y}-01-01T00:00:00.000Z`) })));
    assert.deepEqual((await store.get(ACTOR, 'latest')).map((v) => v.modified), ['2022-01-01T00:00:00.000Z']);
    assert.deepEqual((await store.get(ACTOR, 'first')).map((v) => v.modified), ['2019-01-01T00:00:00.000Z']);
  });

  withStore('all versions are returned oldest first', async (store) => {
    await store.put([{ object: actor('2022-01-01T00:00:00.000Z') }, { object: actor('2020-01-01T00:00:00.000Z') }]);
    const all = await store.get(ACTOR, 'all');
    assert.deepEqual(all.map((v) => v.modified), ['2020-01-01T00:00:00.000Z', '2022-01-01T00:00:00.000Z']);
  });

  withStore('a specific version is found by its modified timestamp', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }, { object: actor('2022-01-01T00:00:00.000Z') }]);
    const [one] = await store.get(ACTOR, '2020-01-01T00:00:00Z');
    assert.equal(one!.modified, '2020-01-01T00:00:00.000Z');
  });

  withStore('no version may follow a revoked one', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z', { revoked: true }) }]);
    assert.deepEqual(await store.put([{ object: actor('2021-01-01T00:00:00.000Z') }]), ['after-revocation']);
    const [latest] = await store.get(ACTOR, 'latest');
    assert.equal(latest!.revoked, true);
  });

  withStore('stored JSON text is kept byte for byte', async (store) => {
    const json = '{"type":"intrusion-set","id":"' + ACTOR + '","x_big":12345678901234567890,"x_float":1.50}';
    await store.put([{ object: { ...actor('2020-01-01T00:00:00.000Z') }, json }]);
    assert.equal((await store.get(ACTOR))[0]!.json, json);
  });

  withStore('date_added is unique and increasing across puts', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }, { object: malware }, { object: uses }]);
    const { versions } = await store.query({ versions: 'all' });
    const added = versions.map((v) => v.dateAdded);
    assert.deepEqual([...added].sort(), added);
    assert.equal(new Set(added).size, 3);
    assert.match(added[0]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  withStore('query filters by type', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }, { object: malware }, { object: uses }]);
    const { versions } = await store.query({ types: ['malware', 'relationship'] });
    assert.deepEqual(versions.map((v) => v.type).sort(), ['malware', 'relationship']);
  });

  withStore('query filters by id, creator and marking', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }, { object: malware }, { object: uses }]);
    assert.deepEqual((await store.query({ ids: [MALWARE] })).versions.map((v) => v.id), [MALWARE]);
    assert.deepEqual((await store.query({ createdBy: [IDENTITY] })).versions.map((v) => v.id), [ACTOR]);
    assert.deepEqual((await store.query({ markings: [TLP_CLEAR] })).versions.map((v) => v.id), [MALWARE]);
  });

  withStore('query returns only versions added after a given instant', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }]);
    const [first] = (await store.query({})).versions;
    await store.put([{ object: malware }]);
    const { versions } = await store.query({ addedAfter: first!.dateAdded });
    assert.deepEqual(versions.map((v) => v.id), [MALWARE]);
  });

  withStore('query pages with a cursor without gaps or repeats', async (store) => {
    const many = Array.from({ length: 25 }, (_, i) => ({ object: actor(`2020-01-01T00:00:${String(i).padStart(2, '0')}.000Z`) }));
    await store.put(many);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.query({ versions: 'all', limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.versions.map((v) => v.modified!));
      cursor = page.next ?? undefined;
    } while (cursor);
    assert.equal(seen.length, 25);
    assert.equal(new Set(seen).size, 25);
  });

  withStore('latest query hides revoked objects only when asked', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z', { revoked: true }) }, { object: malware }]);
    assert.equal((await store.query({})).versions.length, 2);
    assert.deepEqual((await store.query({ includeRevoked: false })).versions.map((v) => v.id), [MALWARE]);
  });

  withStore('a relationship makes an edge between its endpoints', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }, { object: malware }, { object: uses }]);
    const edges = await store.edges(MALWARE);
    assert.ok(edges.some((e) => e.source === ACTOR && e.target === MALWARE && e.via === 'uses' && e.through === uses.id));
  });

  withStore('the edge a relationship makes is found from its source as well', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }, { object: malware }, { object: uses }]);
    const edges = await store.edges(ACTOR);
    assert.deepEqual(edges.filter((e) => e.via === 'uses'), [{ source: ACTOR, target: MALWARE, via: 'uses', through: uses.id }]);
  });

  withStore('embedded references are edges', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }]);
    const edges = await store.edges(IDENTITY);
    assert.deepEqual(edges, [{ source: ACTOR, target: IDENTITY, via: 'created_by_ref' }]);
  });

  withStore('edges follow the latest version only', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }]);
    const other = 'identity--1b1a1c1d-2e2f-4a4b-8c8d-9e9f0a0b0c0d';
    await store.put([{ object: actor('2021-01-01T00:00:00.000Z', { created_by_ref: other }) }]);
    assert.deepEqual(await store.edges(IDENTITY), []);
    assert.equal((await store.edges(other)).length, 1);
  });

  withStore('counts are of latest versions by type', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }, { object: actor('2021-01-01T00:00:00.000Z') }, { object: malware }]);
    assert.deepEqual(await store.counts(), [{ type: 'intrusion-set', count: 1 }, { type: 'malware', count: 1 }]);
  });

  withStore('a rolled-back write batch leaves nothing behind', async (store) => {
    const batch = await store.begin();
    await batch.put([{ object: malware }]);
    await batch.rollback();
    assert.deepEqual(await store.get(MALWARE), []);
  });

  withStore('a committed write batch is visible', async (store) => {
    const batch = await store.begin();
    await batch.put([{ object: malware }]);
    await batch.commit();
    assert.equal((await store.get(MALWARE)).length, 1);
  });

  withStore('settings are kept', async (store) => {
    assert.equal(await store.getSetting('demo'), null);
    await store.setSetting('demo', 'loaded');
    assert.equal(await store.getSetting('demo'), 'loaded');
  });

  withStore('a version put into a collection is a member of it', async (store) => {
    await store.put([{ object: malware, collection: COLLECTION }, { object: uses }]);
    const { versions } = await store.query({ collection: COLLECTION });
    assert.deepEqual(versions.map((v) => v.id), [MALWARE]);
  });

  withStore('a duplicate put into a collection joins it with a later date_added', async (store) => {
    await store.put([{ object: malware }]);
    const [stored] = await store.get(MALWARE);
    assert.deepEqual(await store.put([{ object: malware, collection: COLLECTION }]), ['duplicate']);
    const [member] = (await store.query({ collection: COLLECTION })).versions;
    assert.ok(member!.dateAdded > stored!.dateAdded);
  });

  withStore('latest in a collection is the newest version that collection holds', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z'), collection: COLLECTION }, { object: actor('2021-01-01T00:00:00.000Z') }]);
    const { versions } = await store.query({ collection: COLLECTION });
    assert.deepEqual(versions.map((v) => v.modified), ['2020-01-01T00:00:00.000Z']);
  });

  withStore('added_after in a collection uses the time of adding to it', async (store) => {
    await store.put([{ object: malware }]);
    const [stored] = await store.get(MALWARE);
    await store.put([{ object: malware, collection: COLLECTION }]);
    assert.equal((await store.query({ collection: COLLECTION, addedAfter: stored!.dateAdded })).versions.length, 1);
  });

  withStore('removing from a collection keeps the object in the store', async (store) => {
    await store.put([{ object: malware, collection: COLLECTION }]);
    assert.equal(await store.removeFromCollection(COLLECTION, MALWARE), 1);
    assert.deepEqual((await store.query({ collection: COLLECTION })).versions, []);
    assert.equal((await store.get(MALWARE)).length, 1);
  });

  withStore('removing the latest version from a collection makes the previous one latest', async (store) => {
    await store.put([
      { object: actor('2020-01-01T00:00:00.000Z'), collection: COLLECTION },
      { object: actor('2021-01-01T00:00:00.000Z'), collection: COLLECTION },
    ]);
    assert.equal(await store.removeFromCollection(COLLECTION, ACTOR, 'latest'), 1);
    const { versions } = await store.query({ collection: COLLECTION });
    assert.deepEqual(versions.map((v) => v.modified), ['2020-01-01T00:00:00.000Z']);
  });

  withStore('a version records its TLP level and who supplied it', async (store) => {
    await store.put([{ object: note(1, TLP.amber), suppliedBy: { account: 'alice', org: 'bank-a' } }]);
    const [version] = await store.get(note(1).id as string);
    assert.equal(version!.tlp, 'amber');
    assert.deepEqual(version!.suppliedBy, { account: 'alice', org: 'bank-a' });
  });

  withStore('TLP 1.0 markings count like their TLP 2.0 levels', async (store) => {
    await store.put([{ object: note(1, TLP.red1) }]);
    assert.equal((await store.get(note(1).id as string))[0]!.tlp, 'red');
  });

  withStore('visibility shows only the levels allowed outright', async (store) => {
    await store.put([{ object: note(1, TLP_CLEAR) }, { object: note(2, TLP.green) }, { object: note(3, TLP.amber) }]);
    const green: Visibility = { ...NOBODY, levels: ['clear', 'green'] };
    assert.deepEqual((await store.query({ types: ['note'], visibility: green })).versions.map((v) => v.tlp), ['clear', 'green']);
  });

  withStore('visibility treats unmarked versions as the collection default', async (store) => {
    await store.put([{ object: note(1) }]);
    assert.equal((await store.query({ types: ['note'], visibility: NOBODY })).versions.length, 1);
    assert.equal((await store.query({ types: ['note'], visibility: { ...NOBODY, unmarked: 'amber' } })).versions.length, 0);
  });

  withStore('AMBER+STRICT is visible to its producer and to named recipients only', async (store) => {
    await store.put([{ object: note(1, TLP.strict, { created_by_ref: IDENTITY }) }, { object: note(2, TLP.strict) }]);
    await store.setRecipients(note(2).id as string, ['org:bank-b']);
    const see = async (v: Partial<Visibility>): Promise<string[]> =>
      (await store.query({ types: ['note'], visibility: { ...NOBODY, ...v } })).versions.map((x) => x.id);
    assert.deepEqual(await see({}), []);
    assert.deepEqual(await see({ strictProducers: [IDENTITY] }), [note(1).id]);
    assert.deepEqual(await see({ strictPrincipals: ['org:bank-b'] }), [note(2).id]);
  });

  withStore('RED is visible only to named recipients', async (store) => {
    await store.put([{ object: note(1, TLP.red, { created_by_ref: IDENTITY }) }]);
    await store.setRecipients(note(1).id as string, ['account:alice']);
    const see = async (v: Partial<Visibility>): Promise<number> =>
      (await store.query({ types: ['note'], visibility: { ...NOBODY, ...v } })).versions.length;
    assert.equal(await see({ strictProducers: [IDENTITY], strictPrincipals: ['account:alice'], levels: ['clear', 'green', 'amber'] }), 0);
    assert.equal(await see({ redPrincipals: ['account:alice'] }), 1);
    assert.deepEqual(await store.recipients(note(1).id as string), ['account:alice']);
  });

  withStore('hidden versions neither fill pages nor signal more', async (store) => {
    await store.put([{ object: note(1, TLP_CLEAR) }, { object: note(2, TLP.red) }, { object: note(3, TLP.red) }]);
    const page = await store.query({ types: ['note'], visibility: NOBODY, limit: 1 });
    assert.equal(page.versions.length, 1);
    assert.equal(page.next, null);
  });

  withStore('a version list can ask for the first and latest versions besides specific ones', async (store) => {
    for (const year of ['2020', '2021', '2022', '2023']) await store.put([{ object: actor(`${year}-01-01T00:00:00.000Z`) }]);
    const modified = async (versions: VersionMatch): Promise<(string | null)[]> =>
      (await store.query({ ids: [ACTOR], versions })).versions.map((v) => v.modified).sort();
    assert.deepEqual(await modified({ modified: [], first: true, latest: true }), ['2020-01-01T00:00:00.000Z', '2023-01-01T00:00:00.000Z']);
    assert.deepEqual(await modified({ modified: ['2021-01-01T00:00:00Z'], latest: true }), ['2021-01-01T00:00:00.000Z', '2023-01-01T00:00:00.000Z']);
    assert.deepEqual(await modified({ modified: [] }), []);
  });

  withStore('search finds an object by a word prefix of its name', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }, { object: malware }]);
    const { hits } = await store.search({ text: 'lazar' });
    assert.deepEqual(hits.map((h) => h.id), [ACTOR]);
  });

  withStore('search finds objects by alias, description, pattern and external id', async (store) => {
    await store.put([
      { object: actor('2020-01-01T00:00:00.000Z', {
        aliases: ['HIDDEN COBRA'], description: 'Robs banks and crypto exchanges',
        external_references: [{ source_name: 'mitre-attack', external_id: 'G0032' }],
      }) },
      { object: note(1, TLP_CLEAR, { content: 'Seen beaconing to 198.51.100.7' }) },
    ]);
    const ids = async (text: string): Promise<string[]> => (await store.search({ text })).hits.map((h) => h.id);
    assert.deepEqual(await ids('cobra'), [ACTOR]);
    assert.deepEqual(await ids('crypto banks'), [ACTOR]);
    assert.deepEqual(await ids('g0032'), [ACTOR]);
    assert.deepEqual(await ids('198.51.100.7'), [note(1).id]);
  });

  withStore('search looks at the latest version only', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z', { name: 'Old Name' }) }]);
    assert.equal((await store.search({ text: 'old' })).hits.length, 1);
    await store.put([{ object: actor('2021-01-01T00:00:00.000Z', { name: 'New Name' }) }]);
    assert.deepEqual((await store.search({ text: 'old' })).hits, []);
    assert.equal((await store.search({ text: 'new' })).hits[0]!.modified, '2021-01-01T00:00:00.000Z');
  });

  withStore('search counts matches per type and filters by type', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }, { object: note(1, TLP_CLEAR, { content: 'Lazarus again' }) }]);
    const all = await store.search({ text: 'lazarus' });
    assert.deepEqual(all.facets, [{ type: 'intrusion-set', count: 1 }, { type: 'note', count: 1 }]);
    const notes = await store.search({ text: 'lazarus', types: ['note'] });
    assert.deepEqual(notes.hits.map((h) => h.type), ['note']);
    assert.equal(notes.facets.length, 2);
  });

  withStore('search hides what the caller may not see, from hits and facets alike', async (store) => {
    await store.put([{ object: note(1, TLP.red, { content: 'secret lazarus source' }) }, { object: note(2, TLP_CLEAR, { content: 'public lazarus' }) }]);
    const result = await store.search({ text: 'lazarus', visibility: NOBODY });
    assert.deepEqual(result.hits.map((h) => h.id), [note(2).id]);
    assert.deepEqual(result.facets, [{ type: 'note', count: 1 }]);
  });

  withStore('search treats operators and quotes in the text as words', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }]);
    for (const text of ['"lazarus', 'lazarus OR', 'NEAR(x', '*', 'group AND -x', "'"]) {
      await assert.doesNotReject(store.search({ text }), text);
    }
    assert.deepEqual((await store.search({ text: '   ' })).hits, []);
  });

  withStore('search narrows hits and facets by creator, marking and time added', async (store) => {
    await store.put([{ object: actor('2020-01-01T00:00:00.000Z') }, { object: note(1, TLP_CLEAR, { content: 'Lazarus note' }) }]);
    const [added] = await store.get(note(1).id as string);
    const byCreator = await store.search({ text: 'lazarus', createdBy: [IDENTITY] });
    assert.deepEqual(byCreator.hits.map((h) => h.id), [ACTOR]);
    assert.deepEqual(byCreator.facets, [{ type: 'intrusion-set', count: 1 }]);
    const byMarking = await store.search({ text: 'lazarus', markings: [TLP_CLEAR] });
    assert.deepEqual(byMarking.facets, [{ type: 'note', count: 1 }]);
    const later = await store.search({ text: 'lazarus', addedAfter: added!.dateAdded });
    assert.deepEqual(later.facets, []);
  });
}
