// docs/taxii.md lists every TAXII error code with its status and section, exactly as src/taxii/errors.ts catalogs them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TAXII_ERRORS } from '../../src/taxii/errors.ts';

const doc = readFileSync(new URL('../../docs/taxii.md', import.meta.url), 'utf8');
const documented = new Map([...doc.matchAll(/^### `([a-z-]+)`\n(\d{3}) · §([\d.]+)$/gm)].map((m) => [m[1]!, { status: Number(m[2]), spec: m[3]! }]));

test('every TAXII error code is documented with its status and section, and nothing else is', () => {
  assert.deepEqual([...documented.keys()].sort(), Object.keys(TAXII_ERRORS).sort());
  for (const [code, row] of Object.entries(TAXII_ERRORS)) assert.deepEqual(documented.get(code), { status: row.status, spec: row.spec }, code);
});
