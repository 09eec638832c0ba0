import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defang, isDefanged, refang } from '../../src/stix/defang.ts';

const REFANG_CASES: [string, string][] = [
  ['199[.]68[.]196[.]125', '199.68.196.125'],
  ['199(.)68(.)196(.)125', '199.68.196.125'],
  ['example[dot]com', 'example.com'],
  ['hxxp://evil[.]example/a', 'http://evil.example/a'],
  ['hXXps://evil[.]example', 'https://evil.example'],
  ['hxxp[:]//evil[.]example', 'http://evil.example'],
  ['hxxps[://]evil[.]example', 'https://evil.example'],
  ['fxp://files[.]example', 'ftp://files.example'],
  ['user[@]mail[.]example', 'user@mail.example'],
  ['10[.]0[.]0[.]1[:]8080', '10.0.0.1:8080'],
  ['  plain.example  ', 'plain.example'],
];

for (const [input, expected] of REFANG_CASES) {
  test(`refang turns ${input} into ${expected}`, () => {
    assert.equal(refang(input), expected);
  });
}

test('refang leaves a value that was never de-fanged unchanged', () => {
  assert.equal(refang('http://a.example/x[1]'), 'http://a.example/x[1]');
});

test('refang does not rewrite hxxp inside a path', () => {
  assert.equal(refang('http://a.example/hxxp://b'), 'http://a.example/hxxp://b');
});

test('isDefanged tells de-fanged values from plain ones', () => {
  assert.equal(isDefanged('1[.]2[.]3[.]4'), true);
  assert.equal(isDefanged('1.2.3.4'), false);
});

test('defang brackets the dots of a bare host', () => {
  assert.equal(defang('evil.example'), 'evil[.]example');
});

test('defang rewrites the scheme and host of a URL but not its path', () => {
  assert.equal(defang('http://evil.example/a.php'), 'hxxp[:]//evil[.]example/a.php');
});

test('refang undoes defang', () => {
  for (const value of ['https://evil.example/x.php?q=1', '203.0.113.7', 'a.b.example']) {
    assert.equal(refang(defang(value)), value);
  }
});
