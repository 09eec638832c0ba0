import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patternObservables } from '../../src/advisory/pattern-observables.ts';

// pattern → [path, operator, value, defanged] for each value the pattern looks for.
const CASES: [string, [string, string, string, string][]][] = [
  ["[ipv4-addr:value = '198.51.100.7']", [['ipv4-addr:value', '=', '198.51.100.7', '198[.]51[.]100[.]7']]],
  ["[url:value = 'http://evil.example/a.php']", [['url:value', '=', 'http://evil.example/a.php', 'hxxp[:]//evil[.]example/a.php']]],
  ["[domain-name:value IN ('a.example', 'b.example')]", [
    ['domain-name:value', 'IN', 'a.example', 'a[.]example'], ['domain-name:value', 'IN', 'b.example', 'b[.]example']]],
  ["[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']", [['file:hashes.MD5', '=', 'd41d8cd98f00b204e9800998ecf8427e', 'd41d8cd98f00b204e9800998ecf8427e']]],
  ["[file:name = 'loader.exe']", [['file:name', '=', 'loader.exe', 'loader.exe']]],
  ["[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.5' AND network-traffic:dst_port = 8080]", [
    ['network-traffic:dst_ref.value', '=', '203.0.113.5', '203[.]0[.]113[.]5'], ['network-traffic:dst_port', '=', '8080', '8080']]],
  ["[url:value MATCHES '^https?://[^/]+/x\\\\.php']", [['url:value', 'MATCHES', '^https?://[^/]+/x\\.php', '^https?://[^/]+/x\\.php']]],
  ["[ipv4-addr:value != '10.0.0.1']", []],
  ["[ipv4-addr:value NOT IN ('10.0.0.1')]", []],
  ["[ipv4-addr:value = '198.51.100.7'] FOLLOWEDBY [domain-name:value = 'c2.example'] WITHIN 60 SECONDS", [
    ['ipv4-addr:value', '=', '198.51.100.7', '198[.]51[.]100[.]7'], ['domain-name:value', '=', 'c2.example', 'c2[.]example']]],
];

for (const [pattern, expected] of CASES) {
  test(`pattern values: ${pattern}`, () => {
    assert.deepEqual(patternObservables(pattern, 'stix').map((o) => [o.path, o.operator, o.value, o.defanged]), expected);
  });
}

test('a pattern that does not parse lists no values', () => {
  assert.deepEqual(patternObservables("[ipv4-addr:value = '1.2.3.4'", 'stix'), []);
});

test('patterns in other languages list no values', () => {
  assert.deepEqual(patternObservables('rule x { condition: true }', 'yara'), []);
});
