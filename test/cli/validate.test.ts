import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { FIXTURES, inSandbox } from './run-cli.ts';

test('validate exits 0 for a valid bundle and writes nothing', () => inSandbox(async (cli) => {
  const result = await cli.run(['validate', join(FIXTURES, 'lazarus.json')]);
  assert.equal(result.code, 0, result.stdout);
  assert.match(result.stdout, /6 objects: 0 errors/);
  assert.deepEqual(await cli.json(['ls']), []);
}));

test('validate exits 1 and lists every problem with where it is', () => inSandbox(async (cli) => {
  const result = await cli.run(['validate', join(FIXTURES, 'mixed.jsonl'), '--json']);
  assert.equal(result.code, 1);
  const report = JSON.parse(result.stdout) as { valid: boolean; objects: number; problems: { origin: string; code: string; objectId: string | null }[] };
  assert.equal(report.valid, false);
  assert.equal(report.objects, 4);
  assert.ok(report.problems.some((p) => p.origin.endsWith('mixed.jsonl:2') && p.objectId === 'campaign--not-a-uuid'));
  assert.ok(report.problems.some((p) => p.origin.endsWith('mixed.jsonl:3') && p.code === 'invalid-json'));
}));

test('validate exits 2 for a file that cannot be read', () => inSandbox(async (cli) => {
  const result = await cli.run(['validate', join(FIXTURES, 'missing.json')]);
  assert.equal(result.code, 2);
}));

test('validate exits 2 for a truncated bundle', () => inSandbox(async (cli) => {
  const text = readFileSync(join(FIXTURES, 'lazarus.json'), 'utf8');
  const result = await cli.run(['validate', '-'], text.slice(0, 600));
  assert.equal(result.code, 2);
  assert.match(result.stdout, /unexpected end of input/);
}));
