import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliSandbox } from './run-cli.ts';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).href;

/** The installed packages a fresh process has loaded after running `argv` through the CLI. */
function packagesLoadedBy(argv: string[]): string[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-startup-'));
  const env = { TOCSIN_DATA: dataDir };
  const script = `
    import { createRequire } from 'node:module';
    import { Readable } from 'node:stream';
    const { main } = await import(${JSON.stringify(MAIN)});
    const sink = { write: () => true };
    await main(${JSON.stringify(argv)}, { stdout: sink, stderr: sink, stdin: Readable.from([]), env: ${JSON.stringify(env)}, cwd: process.cwd() });
    const names = Object.keys(createRequire(import.meta.url).cache)
      .map((path) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(path)?.[1]).filter(Boolean);
    process.stdout.write(JSON.stringify([...new Set(names)]));`;
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)), encoding: 'utf8',
    });
    return JSON.parse(out) as string[];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

test('--help loads neither the database driver, the web server nor any parser of a command', () => {
  const loaded = packagesLoadedBy(['--help']);
  assert.ok(loaded.includes('commander'), `commander should be loaded: ${loaded.join(', ')}`);
  for (const heavy of ['better-sqlite3', 'fastify', 'yaml', 'csv-parse', 're2js', 'cli-progress']) {
    assert.ok(!loaded.includes(heavy), `--help loaded ${heavy}: ${loaded.join(', ')}`);
  }
});

test('ls loads the database driver and not the web server', () => {
  const loaded = packagesLoadedBy(['ls']);
  assert.ok(loaded.includes('better-sqlite3'), `ls should load better-sqlite3: ${loaded.join(', ')}`);
  assert.ok(!loaded.includes('fastify'), `ls loaded fastify: ${loaded.join(', ')}`);
});

test('pattern validate loads neither the database driver nor the web server', () => {
  const loaded = packagesLoadedBy(['pattern', 'validate', "[ipv4-addr:value = '1.2.3.4']"]);
  for (const heavy of ['better-sqlite3', 'fastify']) {
    assert.ok(!loaded.includes(heavy), `pattern validate loaded ${heavy}: ${loaded.join(', ')}`);
  }
});

test('--version prints the package version', async () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const cli = new CliSandbox();
  const result = await cli.run(['--version']);
  cli.cleanup();
  assert.equal(result.code, 0);
  assert.equal(result.stdout, `${version}\n`);
});
