// The web layer sits above the features: src/web-api imports them and nothing imports it but the CLI; web/ talks HTTP only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), pattern) : pattern.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function relativeImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map(([, spec]) => join(file, '..', spec!));
}

test('src/web-api imports only the features below it', () => {
  const allowed = ['web-api', 'access', 'store', 'stix', 'pattern', 'advisory', 'detect'];
  for (const file of files(join(SRC, 'web-api'), /\.ts$/)) {
    for (const target of relativeImports(file)) {
      const folder = relative(SRC, target).split('/')[0]!;
      assert.ok(allowed.includes(folder), `${relative(ROOT, file)} imports from src/${folder}`);
    }
  }
});

test('only the CLI imports src/web-api', () => {
  for (const file of files(SRC, /\.ts$/)) {
    const folder = relative(SRC, file).split('/')[0]!;
    if (folder === 'web-api' || folder === 'cli') continue;
    for (const target of relativeImports(file)) assert.ok(!relative(SRC, target).startsWith('web-api'), `${relative(ROOT, file)} imports src/web-api`);
  }
});

test('web/ reaches the hub over HTTP only: it imports nothing from src', () => {
  for (const file of files(join(ROOT, 'web', 'src'), /\.tsx?$/)) {
    for (const target of relativeImports(file)) assert.ok(!relative(ROOT, target).startsWith('src'), `${relative(ROOT, file)} imports from src/`);
  }
});

test('every web-api and web file opens with a one-line purpose comment', () => {
  for (const file of [...files(join(SRC, 'web-api'), /\.ts$/), ...files(join(ROOT, 'web', 'src'), /\.(ts|tsx)$/)]) {
    assert.match(readFileSync(file, 'utf8'), /^\/\/ \S/, relative(ROOT, file));
  }
});
