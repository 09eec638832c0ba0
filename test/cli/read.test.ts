import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CliSandbox, FIXTURES } from './run-cli.ts';
import type { ImportSummary } from '../../src/ingest/import.ts';
import type { Neighbourhood } from '../../src/cli/graph.ts';

const ACTOR = 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a';
const MALWARE = 'malware--495b0b2b-7c34-4a5c-b0f7-f2e4d8a3a1c2';
const CAMPAIGN = 'campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c';

async function loaded(body: (cli: CliSandbox) => Promise<void>): Promise<void> {
  const cli = new CliSandbox();
  try {
    await cli.run(['import', join(FIXTURES, 'lazarus.json'), join(FIXTURES, 'mixed.jsonl')]);
    await body(cli);
  } finally {
    cli.cleanup();
  }
}

test('get prints the latest version of an object', () => loaded(async (cli) => {
  const object = await cli.json<{ name: string }>(['get', CAMPAIGN]);
  assert.equal(object.name, 'Bank heist, revised');
}));

test('get --version first and all select versions', () => loaded(async (cli) => {
  assert.equal((await cli.json<{ name: string }>(['get', CAMPAIGN, '--version', 'first'])).name, 'Bank heist');
  assert.equal((await cli.json<unknown[]>(['get', CAMPAIGN, '--version', 'all'])).length, 2);
}));

test('get --version TIMESTAMP selects that version', () => loaded(async (cli) => {
  const object = await cli.json<{ name: string }>(['get', CAMPAIGN, '--version', '2016-02-05T00:00:00Z']);
  assert.equal(object.name, 'Bank heist');
}));

test('get of an unknown id exits 1 with a message', () => loaded(async (cli) => {
  const result = await cli.run(['get', 'campaign--00000000-0000-4000-8000-000000000000']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /no object campaign--0+-0000-4000-8000-0+ in the store/);
}));

test('ls filters by type and limits the count', () => loaded(async (cli) => {
  const rows = await cli.json<{ type: string }[]>(['ls', '--type', 'relationship']);
  assert.deepEqual(rows.map((r) => r.type), ['relationship', 'relationship']);
  assert.equal((await cli.json<unknown[]>(['ls', '--limit', '3'])).length, 3);
}));

test('ls shows a human table with names', () => loaded(async (cli) => {
  const result = await cli.run(['ls', '--type', 'intrusion-set']);
  assert.match(result.stdout, /^ID\s+NAME\s+MODIFIED/);
  assert.match(result.stdout, /Lazarus Group/);
}));

test('graph shows relationships of an object with their kind', () => loaded(async (cli) => {
  const graph = await cli.json<Neighbourhood>(['graph', MALWARE]);
  assert.ok(graph.edges.some((e) => e.source === ACTOR && e.via === 'uses' && e.target === MALWARE));
  assert.ok(graph.edges.some((e) => e.via === 'indicates' && e.target === MALWARE));
  assert.ok(graph.nodes.some((n) => n.name === 'Lazarus Group'));
}));

test('graph walks further with --depth', () => loaded(async (cli) => {
  const one = await cli.json<Neighbourhood>(['graph', ACTOR]);
  const two = await cli.json<Neighbourhood>(['graph', ACTOR, '--depth', '2']);
  assert.ok(!one.nodes.some((n) => n.type === 'indicator'));
  assert.ok(two.nodes.some((n) => n.type === 'indicator'));
}));

test('export writes a bundle of the latest versions', () => loaded(async (cli) => {
  const result = await cli.run(['export']);
  const bundle = JSON.parse(result.stdout) as { type: string; id: string; objects: { id: string }[] };
  assert.equal(bundle.type, 'bundle');
  assert.match(bundle.id, /^bundle--[0-9a-f-]{36}$/);
  assert.equal(bundle.objects.length, 7);
}));

test('export filters by type, creator, marking and all versions', () => loaded(async (cli) => {
  const ids = async (args: string[]): Promise<string[]> =>
    (JSON.parse((await cli.run(['export', ...args])).stdout) as { objects: { id: string }[] }).objects.map((o) => o.id);
  assert.deepEqual(await ids(['--type', 'malware']), [MALWARE]);
  assert.equal((await ids(['--created-by', 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01'])).length, 3);
  assert.deepEqual(await ids(['--marking', 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487']), [MALWARE]);
  assert.deepEqual(await ids(['--type', 'campaign', '--all-versions']), [CAMPAIGN, CAMPAIGN]);
  assert.deepEqual(await ids(['--id', ACTOR]), [ACTOR]);
}));

test('export --added-after returns only later additions', () => loaded(async (cli) => {
  const far = await cli.run(['export', '--added-after', '2999-01-01T00:00:00Z']);
  assert.deepEqual((JSON.parse(far.stdout) as { objects: unknown[] }).objects, []);
  const bad = await cli.run(['export', '--added-after', 'yesterday']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /not an RFC 3339 timestamp/);
}));

test('export then import into a fresh store is lossless', () => loaded(async (cli) => {
  const file = join(cli.dataDir, 'all.json');
  await cli.run(['export', '--all-versions', '-o', file]);
  const fresh = new CliSandbox();
  try {
    const summary = await fresh.json<ImportSummary>(['import', file]);
    assert.equal(summary.newObjects + summary.newVersions, 8);
    const before = (await cli.run(['export', '--all-versions'])).stdout;
    const after = (await fresh.run(['export', '--all-versions'])).stdout;
    const objects = (s: string): unknown => (JSON.parse(s) as { objects: unknown[] }).objects;
    assert.deepEqual(objects(after), objects(before));
  } finally {
    fresh.cleanup();
  }
}));

test('exported JSON keeps custom numbers exactly as received', () => loaded(async (cli) => {
  const out = (await cli.run(['export', '--type', 'indicator'])).stdout;
  assert.match(out, /"x_example_score": 1\.50/);
}));

test('search finds an object by a word of its name and counts matches by type', () => loaded(async (cli) => {
  const result = await cli.json<{ hits: { id: string }[]; facets: { type: string; count: number }[] }>(['search', 'lazarus']);
  assert.deepEqual(result.hits.map((h) => h.id), [ACTOR]);
  assert.deepEqual(result.facets, [{ type: 'intrusion-set', count: 1 }]);
}));

test('search with no match exits 1 and says so', () => loaded(async (cli) => {
  const result = await cli.run(['search', 'nothing-like-this']);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /nothing matches/);
}));
