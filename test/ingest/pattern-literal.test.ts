import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patternLiteral, regexEscape } from '../../src/ingest/pattern-literal.ts';

test('patternLiteral escapes single quotes with a backslash', () => {
  assert.equal(patternLiteral("http://x.example/it's"), "'http://x.example/it\\'s'");
});

test('patternLiteral escapes backslashes before quoting', () => {
  assert.equal(patternLiteral('C:\\temp\\a.exe'), "'C:\\\\temp\\\\a.exe'");
});

test('regexEscape makes metacharacters literal', () => {
  const escaped = regexEscape('/a.php?x=(1)+[2]');
  assert.equal(escaped, '/a\\.php\\?x=\\(1\\)\\+\\[2\\]');
  assert.ok(new RegExp(escaped).test('/a.php?x=(1)+[2]'));
  assert.ok(!new RegExp(escaped).test('/aXphp?x=(1)+[2]'));
});
