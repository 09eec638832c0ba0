// Property-based tests: the printer is the parser's inverse, and no input makes the engine throw anything unnamed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePattern, printPattern, validatePattern, PatternSyntaxError } from '../../src/pattern/index.ts';
import { pattern, patternLikeText } from './arbitraries.ts';

test('parse(print(ast)) deep-equals ast for generated trees', () => {
  fc.assert(
    fc.property(pattern, (ast) => {
      assert.deepEqual(parsePattern(printPattern(ast)), ast);
    }),
    { numRuns: 2000 },
  );
});

test('printing is idempotent: print(parse(print(ast))) equals print(ast)', () => {
  fc.assert(
    fc.property(pattern, (ast) => {
      const text = printPattern(ast);
      assert.equal(printPattern(parsePattern(text)), text);
    }),
    { numRuns: 500 },
  );
});

function onlyNamedErrors(text: string): void {
  try {
    parsePattern(text);
  } catch (err) {
    if (!(err instanceof PatternSyntaxError)) throw err;
  }
  const diagnostics = validatePattern(text);
  assert.ok(diagnostics.every((d) => d.code !== 'internal-error'), JSON.stringify(diagnostics));
}

test('parsePattern throws nothing but PatternSyntaxError on pattern-like token soup', () => {
  fc.assert(fc.property(patternLikeText, onlyNamedErrors), { numRuns: 5000 });
});

test('parsePattern throws nothing but PatternSyntaxError on arbitrary Unicode text', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), onlyNamedErrors), { numRuns: 3000 });
});

test('validatePattern never reports an internal error on generated (possibly semantically invalid) trees', () => {
  fc.assert(fc.property(pattern, (ast) => onlyNamedErrors(printPattern(ast))), { numRuns: 1000 });
});

test('mutating a valid pattern by one character never makes the engine throw an unnamed error', () => {
  fc.assert(
    fc.property(pattern, fc.nat(), fc.string({ minLength: 1, maxLength: 2 }), (ast, at, insert) => {
      const text = printPattern(ast);
      const i = at % (text.length + 1);
      onlyNamedErrors(text.slice(0, i) + insert + text.slice(i + 1));
    }),
    { numRuns: 2000 },
  );
});

test('matchPattern throws nothing but PatternError subclasses on generated patterns and data', async () => {
  const { matchPattern, PatternError } = await import('../../src/pattern/index.ts');
  const { observed } = await import('./observed.ts');
  const data = [
    ...observed([{ type: 'file', name: 'a', size: 5, hashes: { MD5: 'ff' }, magic_number_hex: 'zz' }], { count: 2 }),
    ...observed([{ type: 'ipv4-addr', value: 'not-an-ip' }, { type: 'x-a', b: [1, 'x', null, { c: true }] }], {
      at: '2024-01-01T00:00:01Z',
    }),
  ];
  fc.assert(
    fc.property(pattern, (ast) => {
      try {
        matchPattern(ast, data, { maxSteps: 50_000 });
      } catch (err) {
        if (!(err instanceof PatternError)) throw err;
      }
    }),
    { numRuns: 1000 },
  );
});

test('NOT negates a comparison on a present property and leaves an absent one false (section 9.6)', async () => {
  const { matchPattern } = await import('../../src/pattern/index.ts');
  const { observed } = await import('./observed.ts');
  const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', 'ab', ''), fc.boolean());
  const constant = fc.oneof(
    fc.integer({ min: -3, max: 3 }).map(String),
    fc.constantFrom("'a'", "'b'", "'ab'", "''", 'true', 'false'),
  );
  const operator = fc.constantFrom('=', '!=', '<', '<=', '>', '>=');
  fc.assert(
    fc.property(fc.option(value, { nil: undefined }), operator, constant, (v, op, c) => {
      if ((c === 'true' || c === 'false') && op !== '=' && op !== '!=') return;
      const data = observed([v === undefined ? { type: 'x-a' } : { type: 'x-a', p: v }]);
      const plain = matchPattern(`[x-a:p ${op} ${c}]`, data).matched;
      const negated = matchPattern(`[x-a:p NOT ${op} ${c}]`, data).matched;
      if (v === undefined) assert.deepEqual([plain, negated], [false, false]);
      else assert.equal(negated, !plain);
    }),
    { numRuns: 1000 },
  );
});
