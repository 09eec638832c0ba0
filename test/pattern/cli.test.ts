// `tocsin pattern validate` and `tocsin pattern match`, run in-process through main() with captured output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/pattern/', import.meta.url));

async function run(argv: string[], stdin = '', cwd = FIXTURES) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    stdin: Readable.from([Buffer.from(stdin)]),
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}

test('pattern validate exits 0 and says valid for a valid pattern', async () => {
  const r = await run(['pattern', 'validate', "[file:name = 'a.exe']"]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, 'valid: 0 errors, 0 warnings\n');
});

test('pattern validate exits 1 and shows the error with line:column and a caret', async () => {
  const r = await run(['pattern', 'validate', "[file:size = 'big']"]);
  assert.equal(r.code, 1);
  assert.equal(
    r.stdout,
    "1:14 error type-mismatch: file:size is an integer property, so it cannot be compared with the string 'big'\n" +
      "  [file:size = 'big']\n" +
      '               ^\n' +
      'invalid: 1 error, 0 warnings\n',
  );
});

test('pattern validate exits 0 when there are only warnings, and lists them', async () => {
  const r = await run(['pattern', 'validate', "[x-acme:serial = 'a']"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /warning unknown-object-type/);
});

test('pattern validate --json reports diagnostics and the canonical form', async () => {
  const r = await run(['pattern', 'validate', '--json', "[ file:name=='a' ]"]);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), { valid: true, errors: 0, warnings: 0, diagnostics: [], canonical: "[file:name = 'a']" });
});

test('pattern validate --json on a syntax error gives the diagnostic and no canonical form', async () => {
  const r = await run(['pattern', 'validate', '--json', '[file:name]']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { valid: boolean; canonical: null; diagnostics: { code: string; line: number; column: number }[] };
  assert.equal(out.valid, false);
  assert.equal(out.canonical, null);
  assert.deepEqual([out.diagnostics[0]!.code, out.diagnostics[0]!.line, out.diagnostics[0]!.column], ['syntax-error', 1, 11]);
});

test('pattern validate -f reads the pattern from a file, ignoring its final newline', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-pattern-'));
  try {
    writeFileSync(join(dir, 'p.txt'), "[file:name = 'a']\n");
    const r = await run(['pattern', 'validate', '-f', 'p.txt'], '', dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pattern validate -f - reads the pattern from standard input', async () => {
  const r = await run(['pattern', 'validate', '-f', '-'], "[file:name = 'a']\n");
  assert.equal(r.code, 0);
});

test('pattern validate exits 2 without a pattern', async () => {
  const r = await run(['pattern', 'validate']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /a pattern is required/);
});

test('pattern validate exits 2 when the pattern file is missing', async () => {
  const r = await run(['pattern', 'validate', '-f', 'no-such-file.txt']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read no-such-file.txt: no such file/);
});

test('pattern match exits 0 and prints the bound observed-data ids', async () => {
  const r = await run(['pattern', 'match', "[network-traffic:dst_ref.value = '198.51.100.58']", 'observed-2.1-network.json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'match: observed-data--1a0e3b8c-1111-4c0d-9a55-000000000001\n');
});

test('pattern match exits 1 and prints "no match" when nothing matches', async () => {
  const r = await run(['pattern', 'match', "[file:name = 'nothing']", 'observed-2.1-network.json']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, 'no match\n');
});

test('pattern match --json gives matched, ids and bindings', async () => {
  const r = await run(['pattern', 'match', '--json', "[ipv4-addr:value = '203.0.113.10']", 'observed-2.0-embedded.json', '--all']);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout) as { matched: boolean; observedDataIds: string[]; bindings: string[][] };
  assert.equal(out.matched, true);
  assert.equal(out.bindings.length, 2);
  assert.equal(out.observedDataIds.length, 2);
});

test('pattern match -f reads the pattern from a file and the observed data from standard input', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-pattern-'));
  try {
    writeFileSync(join(dir, 'p.txt'), "[file:hashes.MD5 = '1717b7fff97d37a1e1a0029d83492de1']\n");
    const observed = JSON.stringify(
      JSON.parse(await (await import('node:fs/promises')).readFile(join(FIXTURES, 'oasis-sighting-of-observed-data.json'), 'utf8')),
    );
    const r = await run(['pattern', 'match', '-f', 'p.txt', '-'], observed, dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'match: observed-data--cf8eaa41-6f4c-482e-89b9-9cd2d6a83cb1\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pattern match exits 2 on an invalid pattern and says why', async () => {
  const r = await run(['pattern', 'match', '[file:name = ', 'observed-2.1-network.json']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Expected a constant/);
});

test('pattern match exits 2 when the observed data is not JSON', async () => {
  const r = await run(['pattern', 'match', "[file:name = 'a']", '-'], '{not json');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /is not JSON/);
});

test('pattern match exits 2 when an argument is missing', async () => {
  const r = await run(['pattern', 'match', "[file:name = 'a']"]);
  assert.equal(r.code, 2);
});
