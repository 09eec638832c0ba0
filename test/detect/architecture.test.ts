// src/detect sits above pattern, stix and store: it imports nothing else of Tocsin's, and nothing below imports it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const folderOf = (file: string): string => relative(SRC, file).split('/')[0]!;

test('src/detect imports only from itself, src/pattern, src/stix, src/store and Node built-ins', () => {
  for (const file of sources(join(SRC, 'detect'))) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
      if (spec!.startsWith('node:')) continue;
      assert.ok(spec!.startsWith('.'), `${file} imports the package ${spec}`);
      const target = folderOf(join(file, '..', spec!));
      assert.ok(['detect', 'pattern', 'stix', 'store'].includes(target), `${file} imports ${spec}`);
    }
  }
});

test('nothing in src/pattern, src/stix or src/store imports src/detect', () => {
  for (const folder of ['pattern', 'stix', 'store']) {
    for (const file of sources(join(SRC, folder))) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (spec!.startsWith('.')) assert.notEqual(folderOf(join(file, '..', spec!)), 'detect', `${file} imports ${spec}`);
      }
    }
  }
});

test('every src/detect file opens with a one-line purpose comment', () => {
  for (const file of sources(join(SRC, 'detect'))) assert.match(readFileSync(file, 'utf8'), /^\/\/ \S/, file);
});
