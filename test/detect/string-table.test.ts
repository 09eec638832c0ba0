// The index's string hash table against a Map: same answers for whole strings and for words inside texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StringTable } from '../../src/detect/index/string-table.ts';

test('a StringTable answers as a Map does, through growth, replacement and lookups of slices', () => {
  const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.', 'é', '\u0000'), maxLength: 6 });
  fc.assert(fc.property(fc.array(fc.tuple(key, fc.nat(), fc.boolean()), { maxLength: 300 }), fc.array(key, { maxLength: 50 }), (ops, probes) => {
    const table = new StringTable<number>();
    const map = new Map<string, number>();
    for (const [k, v, replace] of ops) {
      if (replace) {
        table.set(k, v);
        map.set(k, v);
      } else {
        const had = map.get(k);
        assert.equal(table.putIfAbsent(k, v), had ?? v);
        if (had === undefined) map.set(k, v);
      }
    }
    assert.equal(table.size, map.size);
    for (const k of [...map.keys(), ...probes]) {
      assert.equal(table.get(k), map.get(k));
      const text = `x.${k}.y`;
      assert.equal(table.getRange(text, 2, 2 + k.length), map.get(k));
    }
  }), { numRuns: 300 });
});
