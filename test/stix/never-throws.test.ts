import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateBundle, validateObject } from '../../src/stix/index.ts';
import { VALID } from './helpers.ts';

const types = Object.keys(VALID);

test('validateObject returns problems and never throws on arbitrary JSON', () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => Array.isArray(validateObject(value))), { numRuns: 500 });
});

test('validateObject never throws on valid objects with properties replaced by arbitrary JSON', () => {
  fc.assert(fc.property(
    fc.constantFrom(...types), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }), fc.jsonValue(),
    (type, extra, replacement) => {
      const obj: Record<string, unknown> = { ...VALID[type]!(), ...extra };
      const keys = Object.keys(obj);
      obj[keys[keys.length % 5]!] = replacement;
      const problems = validateObject(obj);
      return problems.every((p) => typeof p.code === 'string' && p.path.startsWith('$') && p.message.length > 0);
    },
  ), { numRuns: 1000 });
});

test('validateBundle never throws on arbitrary object lists', () => {
  fc.assert(fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), (objects) => {
    const problems = validateBundle({ type: 'bundle', id: 'bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8', objects });
    assert.ok(Array.isArray(problems));
    return !problems.some((p) => p.code === 'validator-failure');
  }), { numRuns: 300 });
});
