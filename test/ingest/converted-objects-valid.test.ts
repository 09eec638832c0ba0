import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { validateObject, type Problem } from '../../src/stix/index.ts';
import { contestedAttributionObjects } from '../../src/ingest/contested-attribution.ts';
import { convertMaltrail } from '../../src/ingest/maltrail.ts';
import { convertOfacWallets } from '../../src/ingest/ofac-wallets.ts';
import type { StixObject } from '../../src/ingest/stix-object.ts';
import { convertUsCertCsv } from '../../src/ingest/us-cert-csv.ts';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);
const DEMO = new URL('../../data/demo/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');

// Warnings that are choices, not mistakes (see data/demo/README.md): deterministic ids are UUIDv5, and a
// pattern on the wallet SCO names a type the specification does not define.
function expectedWarning(p: Problem): boolean {
  return p.code === 'id-uuid-version' || (p.code === 'pattern-warning' && p.message.includes("'cryptocurrency-wallet'"));
}

function assertValid(objects: StixObject[]): void {
  for (const object of objects) {
    const problems = validateObject(object).filter((p) => p.severity === 'error' || !expectedWarning(p));
    assert.deepEqual(problems, [], `${object.id}`);
  }
}

test('Maltrail indicators and relationships validate', () => {
  const date = '2026-11-23T00:00:00.000Z';
  assertValid(convertMaltrail(fixture('maltrail/apt_lazarus.txt'), { file: 'apt_lazarus.txt', date }).objects);
  assertValid(convertMaltrail(fixture('maltrail/android_lazarus.txt'), { file: 'android_lazarus.txt', date }).objects);
});

test('US-CERT indicators validate', () => {
  assertValid(convertUsCertCsv(fixture('us-cert/TA-17-318B-IOCs.csv'), { file: 'TA-17-318B-IOCs.csv', date: '2017-11-21T00:00:00.000Z' }).objects);
});

test('OFAC wallet objects validate, the wallet as an extension-defined SCO', () => {
  assertValid(convertOfacWallets(fixture('ofac/sdn-digital-currency-addresses.json'), { file: 'sdn.json' }).objects);
});

test('the contested-attribution demo validates', () => {
  assertValid(contestedAttributionObjects());
});

test('every object of the committed demo feed validates without errors', () => {
  for (const name of readdirSync(DEMO).filter((n) => n.endsWith('.json'))) {
    const bundle = JSON.parse(readFileSync(new URL(name, DEMO), 'utf8')) as { objects: StixObject[] };
    for (const object of bundle.objects) {
      const errors = validateObject(object).filter((p) => p.severity === 'error');
      assert.deepEqual(errors, [], `${name} ${object.id}`);
    }
  }
});
