import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCO_TYPE_NAMES, SDO_TYPE_NAMES, SRO_TYPE_NAMES, TYPES, validateObject } from '../../src/stix/index.ts';
import { VALID } from './helpers.ts';

test('the model covers all SDOs, both SROs, all SCOs and the meta objects', () => {
  assert.equal(SDO_TYPE_NAMES.size, 19); // the eighteen of STIX 2.1 plus the incident stub (§4.6)
  assert.equal(SRO_TYPE_NAMES.size, 2);
  assert.equal(SCO_TYPE_NAMES.size, 18);
  for (const t of ['bundle', 'marking-definition', 'language-content', 'extension-definition']) assert.ok(TYPES.has(t), t);
});

for (const [type, make] of Object.entries(VALID)) {
  test(`a minimal valid ${type} produces no problems`, () => {
    assert.deepEqual(validateObject(make()), []);
  });
}

test('every type of the model has a minimal valid example in these tests', () => {
  for (const type of TYPES.keys()) if (type !== 'bundle') assert.ok(VALID[type], `missing example for ${type}`);
});
