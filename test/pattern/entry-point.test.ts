// The package entry point exposes the pattern engine's public API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tocsin from '../../src/index.ts';
import type { Pattern, PatternDiagnostic } from '../../src/index.ts';

test('the entry point exports parsePattern, validatePattern, matchPattern and printPattern', () => {
  for (const name of ['parsePattern', 'validatePattern', 'matchPattern', 'printPattern'] as const) {
    assert.equal(typeof tocsin[name], 'function', name);
  }
});

test('the entry point exports the AST and diagnostic types', () => {
  const ast: Pattern = tocsin.parsePattern("[file:name = 'a']");
  const diagnostics: PatternDiagnostic[] = tocsin.validatePattern("[file:name = 'a']");
  assert.equal(ast.kind, 'observation');
  assert.deepEqual(diagnostics, []);
});
