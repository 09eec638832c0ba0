import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, inSandbox } from './run-cli.ts';
import type { ImportSummary } from '../../src/ingest/import.ts';

const bundle = join(FIXTURES, 'lazarus.json');
const mixed = join(FIXTURES, 'mixed.jsonl');

test('import of a bundle reports every object as new', () => inSandbox(async (cli) => {
  const summary = await cli.json<ImportSummary>(['import', bundle]);
  assert.equal(summary.newObjects, 6);
  assert.deepEqual(summary.rejected, []);
}));

test('re-importing the same bundle adds nothing', () => inSandbox(async (cli) => {
  await cli.run(['import', bundle]);
  const summary = await cli.json<ImportSummary>(['import', bundle]);
  assert.deepEqual([summary.newObjects, summary.newVersions, summary.duplicates], [0, 0, 6]);
}));

test('import reads standard input', () => inSandbox(async (cli) => {
  const summary = await cli.json<ImportSummary>(['import', '-'], readFileSync(bundle, 'utf8'));
  assert.equal(summary.newObjects, 6);
}));

test('import skips bad objects, names them, and keeps the rest', () => inSandbox(async (cli) => {
  const result = await cli.run(['import', mixed, '--json']);
  assert.equal(result.code, 1);
  const summary = JSON.parse(result.stdout) as ImportSummary;
  assert.equal(summary.newObjects, 1);
  assert.equal(summary.newVersions, 1);
  assert.deepEqual(summary.rejected.map((r) => r.origin), [`${mixed}:2`, `${mixed}:3`]);
  assert.equal(summary.rejected[0]!.objectId, 'campaign--not-a-uuid');
  assert.equal(summary.rejected[1]!.problems[0]!.code, 'invalid-json');
}));

test('strict import writes nothing when any object is rejected', () => inSandbox(async (cli) => {
  const result = await cli.run(['import', '--strict', mixed]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /nothing was written/);
  const listed = await cli.json<unknown[]>(['ls']);
  assert.deepEqual(listed, []);
}));

test('human import summary names counts and the rejected objects', () => inSandbox(async (cli) => {
  const result = await cli.run(['import', mixed]);
  assert.match(result.stdout, /1 new objects, 1 new versions, 0 unchanged duplicates, 2 rejected/);
  assert.match(result.stdout, /mixed\.jsonl:2 campaign--not-a-uuid/);
}));

test('import reports each committed transaction when asked', () => inSandbox(async (cli) => {
  const result = await cli.run(['import', '--report-commits', bundle]);
  const committed = result.stderr.trim().split('\n').flatMap((line) => (JSON.parse(line) as { committed: string[] }).committed);
  assert.equal(committed.length, 6);
}));

test('import of a missing file fails with exit code 2 and names it', () => inSandbox(async (cli) => {
  const result = await cli.run(['import', join(FIXTURES, 'nope.json')]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /nope\.json: no such file/);
}));

test('import of a directory reads every bundle and JSON lines file in it', () => inSandbox(async (cli) => {
  const result = await cli.run(['import', FIXTURES, '--json']);
  const summary = JSON.parse(result.stdout) as ImportSummary;
  assert.equal(summary.newObjects, 7);
}));
