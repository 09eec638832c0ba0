import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isIdentifier } from '../../src/store/references.ts';

const SHAPE = /^[a-z][a-z0-9-]*--[0-9a-fA-F-]{36}$/;

test('isIdentifier accepts STIX identifiers and rejects near misses', () => {
  assert.equal(isIdentifier('intrusion-set--899ce53f-13a0-479b-a0e4-67d46e241542'), true);
  assert.equal(isIdentifier('x-custom-type--899CE53F-13A0-479B-A0E4-67D46E241542'), true);
  assert.equal(isIdentifier('Intrusion-set--899ce53f-13a0-479b-a0e4-67d46e241542'), false);
  assert.equal(isIdentifier('intrusion-set-899ce53f-13a0-479b-a0e4-67d46e241542'), false);
  assert.equal(isIdentifier('intrusion-set--899ce53f-13a0-479b-a0e4-67d46e24154g'), false);
  assert.equal(isIdentifier('intrusion-set--899ce53f-13a0-479b-a0e4-67d46e24154\r'), false);
  assert.equal(isIdentifier('--899ce53f-13a0-479b-a0e4-67d46e241542'), false);
  assert.equal(isIdentifier(''), false);
});

test('isIdentifier agrees with the identifier pattern on generated text', () => {
  const uuidChar = fc.constantFrom(...'0123456789abcdefABCDEF-\r\u0010g ');
  const typeChar = fc.constantFrom(...'az09-A_\u00e9');
  const candidate = fc.tuple(fc.string({ unit: typeChar, maxLength: 8 }), fc.constantFrom('--', '-', '---', ''), fc.string({ unit: uuidChar, minLength: 34, maxLength: 38 }))
    .map(([type, dashes, uuid]) => `${type}${dashes}${uuid}`);
  fc.assert(fc.property(fc.oneof(candidate, fc.string()), (text) => isIdentifier(text) === SHAPE.test(text)), { numRuns: 5000 });
});
