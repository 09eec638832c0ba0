// Imports point one way: pattern ← stix ← store ← access ← ingest | taxii | detect | advisory ← cli, web-api.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const LOWER = ['pattern', 'stix', 'store', 'access'];
const FEATURES = ['ingest', 'taxii', 'detect', 'advisory'];

/** The folders each top-level folder of src/ may import from (besides itself). */
const ALLOWED: Record<string, string[]> = {
  pattern: [],
  stix: ['pattern'],
  store: ['stix', 'pattern'],
  access: ['store', 'stix', 'pattern'],
  ...Object.fromEntries(FEATURES.map((f) => [f, LOWER])),
  cli: [...LOWER, ...FEATURES, 'web-api'],
  'web-api': [...LOWER, ...FEATURES],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(file: string): string {
  return relative(SRC, file).split('/')[0]!;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;

test('every import in src/ follows the architecture arrow', () => {
  const wrong: string[] = [];
  for (const file of sources(SRC)) {
    const from = layerOf(file);
    if (!(from in ALLOWED)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), match[1] ?? match[2]!);
      const to = layerOf(target);
      if (to !== from && !ALLOWED[from]!.includes(to)) wrong.push(`${relative(SRC, file)} imports ${relative(SRC, target)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('every top-level folder of src/ has a place in the architecture', () => {
  const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  assert.deepEqual(folders.filter((f) => !(f in ALLOWED)), []);
});
