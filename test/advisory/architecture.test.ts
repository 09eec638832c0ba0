// src/advisory sits beside ingest, taxii and detect: it reads the store and the STIX model, never its siblings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../src/advisory/', import.meta.url));
const ALLOWED = ['../stix/', '../store/', '../pattern/', '../access/'];
const PACKAGES = ['csv-stringify/sync'];

const files = readdirSync(ROOT).filter((name) => name.endsWith('.ts')).map((name) => join(ROOT, name));

test('src/advisory imports only the STIX model, the store, patterns, access rules and csv-stringify', () => {
  for (const file of files) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
      const ok = spec!.startsWith('node:') || spec!.startsWith('./') || PACKAGES.includes(spec!)
        || ALLOWED.some((prefix) => spec!.startsWith(prefix));
      assert.ok(ok, `${file} imports ${spec}`);
    }
  }
});

test('every src/advisory file opens with a one-line purpose comment', () => {
  for (const file of files) assert.match(readFileSync(file, 'utf8'), /^\/\/ \S/, file);
});
