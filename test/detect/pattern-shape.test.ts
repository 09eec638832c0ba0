// Patterns read through their shape give the tree the parser gives, and only for patterns the checker accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { patternFromShape } from '../../src/detect/pattern-shape.ts';
import { parsePattern, validatePattern } from '../../src/pattern/index.ts';
import { compoundPattern, observation } from './generated.ts';

const valid = (p: string): boolean => validatePattern(p).every((d) => d.severity !== 'error');

function agrees(pattern: string): void {
  const tree = patternFromShape(pattern);
  if (tree === undefined) return;
  assert.ok(valid(pattern), `accepted an invalid pattern: ${pattern}`);
  assert.deepEqual(tree, parsePattern(pattern, { positions: false }), pattern);
}

test('generated patterns read through their shape give the parser\'s tree', () => {
  fc.assert(fc.property(fc.oneof(observation, compoundPattern), agrees), { numRuns: 2000 });
});

test('shapes judge every pattern of theirs as the checker does, whatever the strings hold', () => {
  const text = fc.string({ unit: fc.constantFrom('a', '.', "'", '\\', 'é', ' ', ']', '%', '/', '*', '(', ',', '=', '1') });
  const template = fc.constantFrom(
    "[domain-name:value = '$']", "[ipv4-addr:value != '$']", "[url:value LIKE '$']", "[url:value NOT LIKE '$' AND url:value = '$']",
    "[file:hashes.'SHA-256' = '$']", "[file:hashes.'$' = 'x']", "[network-traffic:dst_ref.value = '$' AND network-traffic:dst_port = 443]",
    "[ipv4-addr:value IN ('$', '$')]", "[domain-name:value = '$'] FOLLOWEDBY [url:value = '$'] WITHIN 5 SECONDS",
    "[file:size = '$']", "[ipv4-addr:value ISSUBSET '$']", "[url:value MATCHES '$']", "[file:name = '$' /* '$' */]",
    "[x-custom:thing < '$']", "[file:created = '$']", "[file:name = '$'] START t'2025-01-01T00:00:00Z' STOP t'2025-01-02T00:00:00Z'",
    "[network-traffic:protocols[*] = '$' OR network-traffic:src_ref.value = '$']", "[domain-name:value='$']", "[email-addr:value LIKE'$']",
  );
  fc.assert(fc.property(template, fc.array(text, { minLength: 2, maxLength: 2 }), fc.boolean(), (t, [a, b], escape) => {
    const esc = (s: string): string => (escape ? s.replace(/[\\']/g, (c) => `\\${c}`) : s);
    let k = 0;
    agrees(t.replace(/\$/g, () => esc(k++ === 0 ? a! : b!)));
  }), { numRuns: 3000 });
});

test('shapes are not taken for prefixed constants, comments, MATCHES or ISSUBSET', () => {
  for (const p of [
    "[url:value MATCHES '^http']", "[ipv4-addr:value ISSUBSET '10.0.0.0/8']", "[file:name = 'a' /* c */]",
    "[file:name = 'a'] START t'2025-01-01T00:00:00Z' STOP t'2025-01-02T00:00:00Z'", "[file:hashes.MD5 = h'00']",
  ]) assert.equal(patternFromShape(p), undefined, p);
  assert.ok(patternFromShape("[network-traffic:dst_ref.value = '1.2.3.4' AND network-traffic:dst_port = 443]"));
});
