import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadWorkerScript } from '../../src/store/worker-script.ts';

/** A worker entry that imports a module of its own, in a fresh directory, with a cache directory beside it. */
function sources(t: { after: (fn: () => void) => void }): { entry: URL; dep: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-worker-script-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const dep = join(dir, 'dep.ts');
  writeFileSync(dep, "export const marker: string = 'first';\n");
  writeFileSync(join(dir, 'entry.ts'), "import { marker } from './dep.ts';\nconsole.log(marker);\n");
  return { entry: pathToFileURL(join(dir, 'entry.ts')), dep, cache: join(dir, 'cache') };
}

/** Puts a different script in place of the kept one, keeping its record of the sources: tells a kept script from a new bundle. */
function tamperWithKept(cache: string): void {
  const [name] = readdirSync(cache);
  const file = join(cache, name!);
  const kept = JSON.parse(readFileSync(file, 'utf8')) as { script: string };
  kept.script = 'the kept script';
  writeFileSync(file, JSON.stringify(kept));
}

test('a bundled worker script is kept and used again while its sources are unchanged', async (t) => {
  const { entry, cache } = sources(t);
  const first = await loadWorkerScript(entry, cache);
  assert.match(first, /first/);
  tamperWithKept(cache);
  assert.equal(await loadWorkerScript(entry, cache), 'the kept script');
});

test('a worker script is bundled again when a module it imports changed', async (t) => {
  const { entry, dep, cache } = sources(t);
  await loadWorkerScript(entry, cache);
  tamperWithKept(cache);
  writeFileSync(dep, "export const marker: string = 'later';\n");
  // Same size as before: only the modification time tells the change, whatever the clock resolution of the file system.
  const earlier = new Date(Date.now() - 60_000);
  utimesSync(dep, earlier, earlier);
  assert.match(await loadWorkerScript(entry, cache), /later/);
  tamperWithKept(cache);
  assert.equal(await loadWorkerScript(entry, cache), 'the kept script', 'the new bundle is kept in place of the old');
});

test('a cache directory that cannot be written still yields the bundle', async (t) => {
  const { entry, dep } = sources(t);
  const script = await loadWorkerScript(entry, join(dep, 'not-a-directory'));
  assert.match(script, /first/);
});
