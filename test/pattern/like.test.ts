// LIKE wildcards: the string-search path and the RE2 path agree with a plain backtracking reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileLike } from '../../src/pattern/matcher/like.ts';

/** Reference: SQL LIKE by recursion over code points (fine for short inputs). */
function like(pattern: string[], text: string[]): boolean {
  if (pattern.length === 0) return text.length === 0;
  const [p, ...rest] = pattern;
  if (p === '%') {
    for (let i = 0; i <= text.length; i++) if (like(rest, text.slice(i))) return true;
    return false;
  }
  if (text.length === 0) return false;
  return (p === '_' || p === text[0]) && like(rest, text.slice(1));
}

const ROWS: ReadonlyArray<[string, string, boolean]> = [
  ['foo%', 'foo.dll', true],
  ['%dll', 'foo.dll', true],
  ['%o.d%', 'foo.dll', true],
  ['%', '', true],
  ['', '', true],
  ['a%a', 'a', false],
  ['a%a', 'aa', true],
  ['%ab%ab%', 'abab', true],
  ['%ab%ab%', 'aba', false],
  ['_', '😀', true],
  ['__', '😀', false],
  ['f_o%', 'foo', true],
  ['C:\\Windows\\%\\foo', 'C:\\Windows\\System32\\foo', true],
];

for (const [pattern, text, expected] of ROWS) {
  test(`LIKE '${pattern}' on '${text}' is ${expected}`, () => {
    assert.equal(compileLike(pattern).test(text), expected);
  });
}

test('compiled LIKE agrees with a reference implementation on random patterns and texts', () => {
  const alphabet = fc.constantFrom('a', 'b', '😀');
  fc.assert(
    fc.property(
      fc.array(fc.oneof(alphabet, fc.constantFrom('%', '_')), { maxLength: 6 }),
      fc.array(alphabet, { maxLength: 6 }),
      (pattern, text) => {
        assert.equal(compileLike(pattern.join('')).test(text.join('')), like(pattern, text), `${pattern.join('')} ~ ${text.join('')}`);
      },
    ),
    { numRuns: 3000 },
  );
});
