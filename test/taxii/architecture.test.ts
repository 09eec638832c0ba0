// Imports follow the arrow store ← access ← taxii ← cli: the access decisions know no HTTP, the server no CLI.
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

/** The src folders a file imports from, by resolving its relative imports. */
function importedFolders(file: string): string[] {
  const folders: string[] = [];
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
    const target = relative(SRC, join(file, '..', spec!));
    folders.push(target.split('/')[0]!);
  }
  return folders;
}

const ALLOWED: Record<string, string[]> = {
  access: ['access', 'store', 'stix', 'pattern'],
  taxii: ['taxii', 'access', 'store', 'stix', 'pattern'],
};

for (const [folder, allowed] of Object.entries(ALLOWED)) {
  test(`src/${folder} imports only from ${allowed.join(', ')}`, () => {
    for (const file of sources(join(SRC, folder))) {
      for (const imported of importedFolders(file)) assert.ok(allowed.includes(imported), `${relative(SRC, file)} imports from src/${imported}`);
    }
  });
}

test('the access store files import nothing above the store', () => {
  for (const file of ['store/access-store.ts', 'store/sqlite/sqlite-access-store.ts', 'store/sqlite/access-schema.ts']) {
    for (const imported of importedFolders(join(SRC, file))) assert.ok(['store', 'stix'].includes(imported), `${file} imports from src/${imported}`);
  }
});

test('every src/access and src/taxii file opens with a one-line purpose comment', () => {
  for (const file of [...sources(join(SRC, 'access')), ...sources(join(SRC, 'taxii'))]) {
    assert.match(readFileSync(file, 'utf8'), /^\/\/ \S/, file);
  }
});
