// src/pattern sits at the bottom of the dependency arrow: it imports only itself, Node built-ins and re2js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../src/pattern/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

test('src/pattern imports nothing from other src folders and no package but re2js', () => {
  for (const file of sources(ROOT)) {
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
      const ok = spec!.startsWith('node:') || spec === 're2js' || (spec!.startsWith('.') && !spec!.startsWith('../../'));
      assert.ok(ok, `${file} imports ${spec}`);
      if (spec!.startsWith('../')) assert.ok(file.includes('/matcher/'), `${file} imports ${spec}`);
    }
  }
});

test('every src/pattern file opens with a one-line purpose comment', () => {
  for (const file of sources(ROOT)) {
    assert.match(readFileSync(file, 'utf8'), /^\/\/ \S/, file);
  }
});
