import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { deterministicId } from '../../src/ingest/deterministic-id.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const LAZARUS = 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a';
const KIMSUKY = 'intrusion-set--0ec2f388-bf0f-4b5c-97b1-fc736d26c25f';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function withDir(body: (dir: string, run: (argv: string[]) => Promise<Result>) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-ingest-'));
  const run = async (argv: string[]): Promise<Result> => {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Readable.from([]),
      env: { TOCSIN_DATA: join(dir, 'var') },
      cwd: dir,
    });
    return { code, stdout, stderr };
  };
  try {
    await body(dir, run);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('ingest maltrail --out - writes a bundle of the converted trails to stdout', () =>
  withDir(async (_dir, run) => {
    const result = await run(['ingest', 'maltrail', join(FIXTURES, 'maltrail/apt_lazarus.txt'), '--date', '2026-11-23', '--out', '-']);
    assert.equal(result.code, 0, result.stderr);
    const bundle = JSON.parse(result.stdout) as { type: string; objects: { type: string; target_ref?: string; created?: string }[] };
    assert.equal(bundle.type, 'bundle');
    assert.equal(bundle.objects.filter((o) => o.type === 'indicator').length, 42);
    assert.ok(bundle.objects.filter((o) => o.type === 'relationship').every((o) => o.target_ref === LAZARUS));
    assert.equal(bundle.objects.find((o) => o.type === 'indicator')?.created, '2026-11-23T00:00:00.000Z');
  }));

test('ingest --actor links the trails to the named group', () =>
  withDir(async (_dir, run) => {
    const result = await run(['ingest', 'maltrail', join(FIXTURES, 'maltrail/android_lazarus.txt'), '--actor', 'Kimsuky', '--date', '2026-11-23', '--out', '-']);
    const bundle = JSON.parse(result.stdout) as { objects: { type: string; target_ref?: string }[] };
    assert.ok(bundle.objects.filter((o) => o.type === 'relationship').every((o) => o.target_ref === KIMSUKY));
  }));

test('ingest --out FILE writes the same bundle on every run', () =>
  withDir(async (dir, run) => {
    const csv = join(FIXTURES, 'us-cert/TA-17-318B-IOCs.csv');
    await run(['ingest', 'us-cert-csv', csv, '--date', '2017-11-21', '--out', 'a.json']);
    await run(['ingest', 'us-cert-csv', csv, '--date', '2017-11-21', '--out', 'b.json']);
    assert.equal(readFileSync(join(dir, 'a.json'), 'utf8'), readFileSync(join(dir, 'b.json'), 'utf8'));
  }));

test('ingest imports into the store and re-ingesting the same file adds nothing', () =>
  withDir(async (_dir, run) => {
    const file = join(FIXTURES, 'ofac/sdn-digital-currency-addresses.json');
    const first = await run(['ingest', 'ofac-wallets', file, '--program', 'DPRK', '--json']);
    assert.equal(first.code, 0, first.stderr);
    const a = JSON.parse(first.stdout) as { objects: number; import: { newObjects: number; rejected: unknown[] } };
    assert.deepEqual(a.import.rejected, []);
    assert.equal(a.import.newObjects, a.objects);
    const second = JSON.parse((await run(['ingest', 'ofac-wallets', file, '--program', 'DPRK', '--json'])).stdout) as {
      objects: number;
      import: { newObjects: number; newVersions: number; duplicates: number };
    };
    assert.deepEqual([second.import.newObjects, second.import.newVersions, second.import.duplicates], [0, 0, second.objects]);
  }));

test('ingest reports a skipped line with its line number and exits 1', () =>
  withDir(async (dir, run) => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'apt_lazarus.txt'), 'good.example\n300.1.2.3\n');
    const result = await run(['ingest', 'maltrail', 'apt_lazarus.txt', '--date', '2026-11-23', '--out', 'x.json', '--json']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /apt_lazarus\.txt:2: IPv4 address with an octet above 255/);
    const summary = JSON.parse(result.stdout) as { skipped: { line: number }[]; types: Record<string, number> };
    assert.deepEqual(summary.skipped.map((s) => s.line), [2]);
    assert.equal(summary.types.indicator, 1);
  }));

test('ingest refuses an unknown actor with a usage error', () =>
  withDir(async (_dir, run) => {
    const result = await run(['ingest', 'maltrail', join(FIXTURES, 'maltrail/apt_lazarus.txt'), '--actor', 'Nobody', '--out', '-']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--actor "Nobody" is not a known group/);
  }));

test('ingest refuses a file it cannot read with a usage error', () =>
  withDir(async (_dir, run) => {
    const result = await run(['ingest', 'maltrail', 'missing.txt', '--out', '-']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cannot read .*missing\.txt: ENOENT/);
  }));

test('ingest maltrail says so when the file names no known group', () =>
  withDir(async (dir, run) => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'trails.txt'), 'x.example\n');
    const result = await run(['ingest', 'maltrail', 'trails.txt', '--date', '2026-11-23', '--out', 'x.json']);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /no known group for trails\.txt/);
  }));

test('ingest reads standard input when the file is -', async () => {
  let stdout = '';
  const code = await main(['ingest', 'maltrail', '-', '--actor', 'APT38', '--date', '2026-11-23', '--out', '-'], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => true },
    stdin: Readable.from([Buffer.from('x.example\n')]),
    env: {},
    cwd: tmpdir(),
  });
  assert.equal(code, 0);
  const bundle = JSON.parse(stdout) as { objects: { type: string; target_ref?: string }[] };
  assert.equal(bundle.objects.find((o) => o.type === 'relationship')?.target_ref, 'intrusion-set--00f67a77-86a4-4adf-be26-1a54fc713340');
});

test('ingesting a newer copy of a list adds versions only for what changed', () =>
  withDir(async (dir, run) => {
    const { writeFileSync } = await import('node:fs');
    const list = join(dir, 'apt_lazarus.txt');
    writeFileSync(list, '# Reference: https://a.example/1\nkept.example\nchanged.example\n');
    await run(['ingest', 'maltrail', list, '--date', '2026-01-01']);
    writeFileSync(list, '# Reference: https://a.example/1\nkept.example\n# Reference: https://b.example/2\nchanged.example\nnew.example\n');
    const result = await run(['ingest', 'maltrail', list, '--date', '2026-06-01', '--json']);
    const summary = JSON.parse(result.stdout) as { import: { newObjects: number; newVersions: number; duplicates: number } };
    // new.example: indicator + relationship; changed.example: its indicator's references changed.
    assert.deepEqual([summary.import.newObjects, summary.import.newVersions], [2, 1]);
    const id = deterministicId('indicator', 'maltrail', 'apt_lazarus.txt', 'changed.example');
    const versions = JSON.parse((await run(['get', id, '--version', 'all', '--json'])).stdout) as { created: string; modified: string }[];
    assert.deepEqual(
      versions.map((v) => [v.created, v.modified]).sort(),
      [
        ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
        ['2026-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
      ],
    );
  }));
