import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CliSandbox } from './run-cli.ts';

test('--help lists every command', async () => {
  const cli = new CliSandbox();
  const result = await cli.run(['--help']);
  cli.cleanup();
  assert.equal(result.code, 0);
  for (const name of ['start', 'import', 'export', 'get', 'ls', 'graph', 'validate']) assert.match(result.stdout, new RegExp(`\\n  ${name}\\b`));
});

test('an unknown command exits 2 with a message', async () => {
  const cli = new CliSandbox();
  const result = await cli.run(['frobnicate']);
  cli.cleanup();
  assert.equal(result.code, 2);
  assert.match(result.stderr, /unknown command 'frobnicate'/);
});

test('a bad option value exits 2 naming the option', async () => {
  const cli = new CliSandbox();
  const result = await cli.run(['ls', '--limit', 'many']);
  cli.cleanup();
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--limit must be a positive integer/);
});
