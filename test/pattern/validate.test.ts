// validatePattern: the never-throwing entry point the STIX validator calls for every indicator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validatePattern } from '../../src/pattern/index.ts';

const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/pattern/oasis-indicator-patterns.json', import.meta.url), 'utf8'),
) as { id: string; pattern: string }[];

test('every pattern in the OASIS example bundles validates without errors or warnings', () => {
  assert.ok(fixtures.length > 40);
  for (const { id, pattern } of fixtures) {
    assert.deepEqual(validatePattern(pattern), [], `${id}: ${pattern}`);
  }
});

test('a valid pattern gives an empty array', () => {
  assert.deepEqual(validatePattern("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']"), []);
});

test('a syntax error comes back as one error diagnostic with line and column', () => {
  assert.deepEqual(validatePattern("[file:name = 'a'\n  AND file:size]"), [
    {
      severity: 'error',
      code: 'syntax-error',
      message:
        'Expected a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET) after the object path, but found \']\'',
      line: 2,
      column: 16,
    },
  ]);
});

test('semantic problems are all reported together, in reading order', () => {
  const codes = validatePattern("[file:size = 'big' AND file:nmae = 'a'] REPEATS 0 TIMES").map((d) => d.code);
  assert.deepEqual(codes, ['type-mismatch', 'unknown-property', 'repeats-not-positive']);
});

test('warnings alone leave a pattern valid (custom objects are legal)', () => {
  const diagnostics = validatePattern("[x-acme-widget:serial = 'A-1']");
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.severity, 'warning');
  assert.equal(diagnostics[0]!.code, 'unknown-object-type');
});

test('an over-long pattern is a limit-exceeded error, not an exception', () => {
  const long = `[file:name = '${'a'.repeat(300_000)}']`;
  const [d] = validatePattern(long);
  assert.equal(d?.code, 'limit-exceeded');
});

test('deep nesting is a limit-exceeded error, not a stack overflow', () => {
  const deep = `${'('.repeat(5000)}[file:name = 'a']${')'.repeat(5000)}`;
  const [d] = validatePattern(deep);
  assert.equal(d?.code, 'limit-exceeded');
});

test('validatePattern does not throw on non-pattern input', () => {
  for (const input of ['', ' ', ']', "'", "t'", '[[[', '\u0000', '\ud800', 'x'.repeat(10)]) {
    assert.doesNotThrow(() => validatePattern(input));
    assert.equal(validatePattern(input)[0]?.severity, 'error');
  }
});

test('columns stay right after astral characters on the same line', () => {
  const source = "[file:name = '😀😀' OR file:size = 'big']";
  const [d] = validatePattern(source);
  const column = [...source.slice(0, source.indexOf("'big'"))].length + 1;
  assert.equal(column, source.indexOf("'big'") + 1 - 2, 'each emoji is one column, not two');
  assert.equal(`${d!.code} ${d!.line}:${d!.column}`, `type-mismatch 1:${column}`);
});

test('thousands of errors on one long line are reported without rescanning the line for each', () => {
  const source = `[${Array.from({ length: 5000 }, (_, i) => `file:size = 'x${i}'`).join(' OR ')}]`;
  const diagnostics = validatePattern(source);
  assert.equal(diagnostics.length, 5000);
  assert.equal(diagnostics[4999]!.column, source.lastIndexOf("'x4999'") + 1);
});

test('diagnostics carry real positions even though valid patterns are checked without recording them', () => {
  const [d] = validatePattern("[file:name = 'a']\n AND [file:size = 'x']");
  assert.equal(`${d!.line}:${d!.column}`, '2:19');
});
