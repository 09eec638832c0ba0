import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hasErrors, validateBundle } from '../../src/stix/index.ts';
import { VALID } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/stix');
const bundle = (objects: unknown[]) => ({ type: 'bundle', id: 'bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8', objects });

test('a bundle of valid objects produces no problems', () => {
  assert.deepEqual(validateBundle(bundle(Object.values(VALID).map((make) => make()))), []);
});

test('problems inside a bundle have paths relative to the bundle and keep the object id', () => {
  const bad: Record<string, unknown> = { ...VALID.malware!(), confidence: 300 };
  const [p] = validateBundle(bundle([VALID.tool!(), bad]));
  assert.equal(p!.path, '$.objects[1].confidence');
  assert.equal(p!.objectId, bad.id);
  assert.equal(p!.code, 'value-range');
});

test('a bundle whose type is not bundle is rejected', () => {
  const [p] = validateBundle({ ...bundle([]), type: 'report' });
  assert.equal(p!.code, 'bundle-type');
  assert.equal(p!.path, '$.type');
  assert.equal(p!.severity, 'error');
});

test('a bundle id must be a bundle identifier', () => {
  const p = validateBundle({ ...bundle([]), id: 'bundle-1' }).find((x) => x.code === 'id-format');
  assert.equal(p?.path, '$.id');
});

test('a bundle with spec_version gets a not-applicable warning', () => {
  const p = validateBundle({ ...bundle([VALID.tool!()]), spec_version: '2.0' }).find((x) => x.code === 'property-not-applicable');
  assert.equal(p?.severity, 'warning');
  assert.equal(p?.path, '$.spec_version');
});

test('a non-object entry of objects is reported at its index', () => {
  const [p] = validateBundle(bundle([VALID.tool!(), 'nope']));
  assert.equal(p!.code, 'not-an-object');
  assert.equal(p!.path, '$.objects[1]');
});

test('an empty objects list is an error', () => {
  const [p] = validateBundle(bundle([]));
  assert.equal(p!.code, 'empty-list');
  assert.equal(p!.path, '$.objects');
});

for (const dir of ['oasis', 'attack']) {
  for (const name of readdirSync(join(FIXTURES, dir)).filter((n) => n.endsWith('.json'))) {
    test(`the real-world fixture ${dir}/${name} has no errors`, () => {
      const problems = validateBundle(JSON.parse(readFileSync(join(FIXTURES, dir, name), 'utf8')));
      assert.equal(hasErrors(problems), false, JSON.stringify(problems.filter((p) => p.severity === 'error')));
    });
  }
}

test('the ATT&CK fixture keeps only the deserved warning for an empty custom reference', () => {
  const problems = validateBundle(JSON.parse(readFileSync(join(FIXTURES, 'attack/attack-sample.json'), 'utf8')));
  assert.deepEqual([...new Set(problems.map((p) => p.code))], ['custom-property-value']);
});
