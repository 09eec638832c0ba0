// matchPattern, rule by rule from sections 9.5–9.7 of the STIX 2.1 specification.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  matchPattern,
  PatternInvalidError,
  PatternMatchLimitError,
  PatternSyntaxError,
} from '../../src/pattern/index.ts';
import { observed } from './observed.ts';

function fixture(name: string): unknown[] {
  const json = JSON.parse(readFileSync(new URL(`../fixtures/pattern/${name}`, import.meta.url), 'utf8')) as unknown;
  return Array.isArray(json) ? json : (json as { objects: unknown[] }).objects;
}

const matches = (pattern: string, objects: unknown[]) => matchPattern(pattern, objects).matched;

// ---- 9.6.1 comparison operators

const file = observed([{ type: 'file', name: 'foo.dll', size: 4112, hashes: { 'SHA-256': 'aec0', MD5: '00ff' } }]);

test('= matches an equal string property', () => {
  assert.equal(matches("[file:name = 'foo.dll']", file), true);
  assert.equal(matches("[file:name = 'bar.dll']", file), false);
});

test('quoted dictionary keys reach hash values', () => {
  assert.equal(matches("[file:hashes.'SHA-256' = 'aec0']", file), true);
});

test('numeric operators compare numbers', () => {
  assert.equal(matches('[file:size > 4000 AND file:size < 5000 AND file:size >= 4112 AND file:size <= 4112]', file), true);
  assert.equal(matches('[file:size > 4112]', file), false);
});

test('an integer constant is compared with a float property without truncation (section 9.2)', () => {
  const objects = observed([{ type: 'x-metric', value: 1.5 }]);
  assert.equal(matches('[x-metric:value = 1]', objects), false);
  assert.equal(matches('[x-metric:value > 1]', objects), true);
  assert.equal(matches('[x-metric:value = 1.50]', objects), true);
});

test('IN matches any listed constant and NOT IN none of them', () => {
  assert.equal(matches("[file:name IN ('a.dll', 'foo.dll')]", file), true);
  assert.equal(matches("[file:name NOT IN ('a.dll', 'b.dll')]", file), true);
  assert.equal(matches("[file:name NOT IN ('foo.dll')]", file), false);
  assert.equal(matches('[file:name IN ()]', file), false);
});

test('LIKE treats % as any run and _ as one character, matching the whole value', () => {
  assert.equal(matches("[file:name LIKE 'foo%']", file), true);
  assert.equal(matches("[file:name LIKE 'fo_.dll']", file), true);
  assert.equal(matches("[file:name LIKE 'oo%']", file), false);
  assert.equal(matches("[file:name LIKE 'f_.dll']", file), false);
});

test('LIKE compares NFC-normalised text, so composed and decomposed accents are equal', () => {
  const objects = observed([{ type: 'file', name: 'cafe\u0301.txt' }]);
  assert.equal(matches("[file:name LIKE 'caf\u00e9%']", objects), true);
});

test('MATCHES searches anywhere in the value unless anchored', () => {
  assert.equal(matches("[file:name MATCHES 'oo\\\\.d']", file), true);
  assert.equal(matches("[file:name MATCHES '^oo']", file), false);
});

test('MATCHES runs with DOTALL, so . matches a line break (section 9.6.1)', () => {
  const objects = observed([{ type: 'email-message', is_multipart: false, body: 'first\nsecond' }]);
  assert.equal(matches("[email-message:body MATCHES '^first.second$']", objects), true);
});

test('NOT negates a present comparison', () => {
  assert.equal(matches("[file:name NOT = 'bar.dll']", file), true);
  assert.equal(matches("[file:name NOT LIKE 'foo%']", file), false);
});

test('EXISTS is true for a present property and false for an absent one', () => {
  assert.equal(matches('[EXISTS file:size]', file), true);
  assert.equal(matches('[EXISTS file:mime_type]', file), false);
});

test('booleans compare with = and !=', () => {
  const objects = observed([{ type: 'process', pid: 4, is_hidden: true }]);
  assert.equal(matches('[process:is_hidden = true]', objects), true);
  assert.equal(matches('[process:is_hidden != true]', objects), false);
});

// ---- 9.6: absent properties and incompatible types

test('an absent property makes = false', () => {
  assert.equal(matches("[file:mime_type = 'text/plain']", file), false);
});

test('an absent property makes != false as well (section 9.6)', () => {
  assert.equal(matches("[file:mime_type != 'text/plain']", file), false);
});

test('an absent property makes a NOT comparison false as well', () => {
  assert.equal(matches("[file:mime_type NOT = 'text/plain']", file), false);
});

test('incompatible types make = false and != true (section 9.6.1)', () => {
  const objects = observed([{ type: 'x-thing', n: 5 }]);
  assert.equal(matches("[x-thing:n = 'five']", objects), false);
  assert.equal(matches("[x-thing:n != 'five']", objects), true);
  assert.equal(matches("[x-thing:n > 'five']", objects), false);
});

// ---- 9.6.2–9.6.4 strings, binary, timestamps

test('string order is by code point, not UTF-16 unit (section 9.6.2)', () => {
  const objects = observed([{ type: 'x-text', s: '\u{1F600}' }]);
  assert.equal(matches("[x-text:s > '\uffff']", objects), true);
});

test("string order follows the spec's example: 'o' < 'oz' < 'o\u0300' < 'z' < '\u00f2'", () => {
  const order = ['o', 'oz', 'o\u0300', 'z', '\u00f2'];
  for (let i = 0; i + 1 < order.length; i++) {
    const objects = observed([{ type: 'x-text', s: order[i] }]);
    assert.equal(matches(`[x-text:s < '${order[i + 1]}']`, objects), true, `${order[i]} < ${order[i + 1]}`);
  }
});

test('a longer string that starts with a shorter one is greater', () => {
  const objects = observed([{ type: 'x-text', s: 'abc' }]);
  assert.equal(matches("[x-text:s > 'ab']", objects), true);
});

const artifact = observed([{ type: 'artifact', mime_type: 'application/octet-stream', payload_bin: 'dGhpcyBpcyBhIHRlc3Q=' }]);

test("a binary property equals a string of its octets, b'…' of its base64 and h'…' of its hex (section 9.6.4)", () => {
  assert.equal(matches("[artifact:payload_bin = 'this is a test']", artifact), true);
  assert.equal(matches("[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']", artifact), true);
  assert.equal(matches("[artifact:payload_bin = h'7468697320697320612074657374']", artifact), true);
});

test('a binary property does not equal its own base64 text as a string (section 9.6.4)', () => {
  assert.equal(matches("[artifact:payload_bin = 'dGhpcyBpcyBhIHRlc3Q=']", artifact), false);
});

test('a string with code points above U+00FF never equals a binary property, and != is true', () => {
  assert.equal(matches("[artifact:payload_bin = 'this is a t\u0113st']", artifact), false);
  assert.equal(matches("[artifact:payload_bin != 'this is a t\u0113st']", artifact), true);
});

test('binary values compare as unsigned octets (section 9.6.3)', () => {
  const objects = observed([{ type: 'file', name: 'x', magic_number_hex: 'ff00' }]);
  assert.equal(matches("[file:magic_number_hex > h'00ff']", objects), true);
  assert.equal(matches("[file:magic_number_hex = h'FF00']", objects), true);
  assert.equal(matches("[file:magic_number_hex > h'ff']", objects), true);
});

test('MATCHES on a binary property reads its octets', () => {
  assert.equal(matches("[artifact:payload_bin MATCHES '^this is']", artifact), true);
});

test('timestamps compare as instants, whatever the fraction digits', () => {
  const objects = observed([{ type: 'file', name: 'x', ctime: '2016-01-01T00:00:00.000Z' }]);
  assert.equal(matches("[file:ctime = t'2016-01-01T00:00:00Z']", objects), true);
  assert.equal(matches("[file:ctime < t'2016-01-01T00:00:00.0000001Z']", objects), true);
  assert.equal(matches("[file:ctime > t'2015-12-31T23:59:59.999Z']", objects), true);
});

test('ISSUBSET is true when the address or block lies in the constant block', () => {
  const objects = observed([{ type: 'ipv4-addr', value: '198.51.100.0/27' }]);
  assert.equal(matches("[ipv4-addr:value ISSUBSET '198.51.100.0/24']", objects), true);
  assert.equal(matches("[ipv4-addr:value ISSUBSET '198.51.100.0/28']", objects), false);
});

test('ISSUPERSET is true when the address block contains the constant', () => {
  const objects = observed([{ type: 'ipv4-addr', value: '198.51.100.0/24' }]);
  assert.equal(matches("[ipv4-addr:value ISSUPERSET '198.51.100.0/27']", objects), true);
  assert.equal(matches("[ipv4-addr:value ISSUPERSET '198.51.0.0/16']", objects), false);
});

test('identical addresses or blocks are both subset and superset', () => {
  const objects = observed([{ type: 'ipv4-addr', value: '203.0.113.7' }]);
  assert.equal(matches("[ipv4-addr:value ISSUBSET '203.0.113.7' AND ipv4-addr:value ISSUPERSET '203.0.113.7/32']", objects), true);
});

test('ISSUBSET works for IPv6 blocks and never mixes address families', () => {
  const objects = observed([{ type: 'ipv6-addr', value: '2001:db8:0:1::5' }]);
  assert.equal(matches("[ipv6-addr:value ISSUBSET '2001:db8::/32']", objects), true);
  assert.equal(matches("[ipv6-addr:value ISSUBSET '2001:db9::/32']", objects), false);
});

// ---- 9.7 object paths

test('[*] is true if any list element satisfies the comparison (section 9.7.2)', () => {
  const objects = observed([{ type: 'network-traffic', protocols: ['ipv4', 'tcp'] }]);
  assert.equal(matches("[network-traffic:protocols[*] = 'tcp']", objects), true);
  assert.equal(matches("[network-traffic:protocols[*] = 'udp']", objects), false);
});

test('NOT with [*] negates the whole comparison: no element may match', () => {
  const objects = observed([{ type: 'network-traffic', protocols: ['ipv4', 'tcp'] }]);
  assert.equal(matches("[network-traffic:protocols[*] NOT = 'udp']", objects), true);
  assert.equal(matches("[network-traffic:protocols[*] NOT = 'tcp']", objects), false);
});

test('a list index selects one element, and an out-of-range index makes any comparison false', () => {
  const objects = observed([{ type: 'network-traffic', protocols: ['ipv4', 'tcp'] }]);
  assert.equal(matches("[network-traffic:protocols[1] = 'tcp']", objects), true);
  assert.equal(matches("[network-traffic:protocols[0] = 'tcp']", objects), false);
  assert.equal(matches("[network-traffic:protocols[5] != 'tcp']", objects), false);
});

const network = fixture('observed-2.1-network.json');

test('a _ref property is followed to the referenced object (section 9.7.4)', () => {
  const result = matchPattern("[network-traffic:dst_ref.value = '198.51.100.58' AND network-traffic:dst_port = 443]", network);
  assert.deepEqual(result.observedDataIds, ['observed-data--1a0e3b8c-1111-4c0d-9a55-000000000001']);
});

test('a _ref comparison combines with ISSUBSET', () => {
  assert.equal(matches("[network-traffic:src_ref.value ISSUBSET '10.0.0.0/8']", network), true);
});

test('list-of-object paths with [*] follow references inside elements', () => {
  assert.equal(matches("[email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']", network), true);
});

test("section 9.8's email example matches: sender regex and attachment regex on one message", () => {
  const pattern =
    "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']";
  assert.deepEqual(matchPattern(pattern, network).observedDataIds, ['observed-data--1a0e3b8c-1111-4c0d-9a55-000000000002']);
});

test('a reference to an object not listed in object_refs is not followed (section 9.7.4)', () => {
  // victim@example.com is in the bundle, but the observed-data does not list it.
  assert.equal(matches("[email-message:to_refs[*].value = 'victim@example.com']", network), false);
});

test('an unresolvable reference makes the comparison false, not an error', () => {
  const objects = observed([{ type: 'network-traffic', src_ref: 'ipv4-addr--00000000-0000-4000-8000-ffffffffffff' }]);
  assert.equal(matches("[network-traffic:src_ref.value != '1.2.3.4']", objects), false);
});

// ---- 9.5 observation expressions

const embedded = fixture('observed-2.0-embedded.json');

test('STIX 2.0 observed-data with embedded objects is matched, references by key', () => {
  assert.equal(matches("[ipv4-addr:value = '203.0.113.10']", embedded), true);
});

test("all comparisons start from the same SCO: two separate flows do not make one (section 9.5's example)", () => {
  const result = matchPattern(
    "[network-traffic:src_ref.value = '203.0.113.10' AND network-traffic:dst_ref.value = '198.51.100.58']",
    embedded,
  );
  assert.deepEqual(result.observedDataIds, ['observed-data--7b0e3b8c-7777-4c0d-9a55-000000000002']);
});

test('comparisons joined by OR may start from different SCOs of one observation', () => {
  const objects = observed([{ type: 'domain-name', value: 'a.example' }, { type: 'ipv4-addr', value: '10.0.0.1' }]);
  assert.equal(matches("[domain-name:value = 'zzz' OR ipv4-addr:value = '10.0.0.1']", objects), true);
});

// ---- 9.5.2 observation operators

const at = (time: string, name: string, extra: Parameters<typeof observed>[1] = {}) =>
  observed([{ type: 'file', name }], { at: `2024-01-01T${time}Z`, id: `observed-data--${name}-${time.replace(/:/g, '')}`, ...extra });

test('AND across observation expressions needs two different observed-data objects', () => {
  const one = at('00:00:00', 'a');
  assert.equal(matches("[file:name = 'a'] AND [file:name = 'a']", one), false);
  const two = [...at('00:00:00', 'a'), ...at('00:01:00', 'a')];
  assert.deepEqual(matchPattern("[file:name = 'a'] AND [file:name = 'a']", two).observedDataIds.length, 2);
});

test('AND reports both bound observed-data ids', () => {
  const objects = [...at('00:00:00', 'a'), ...at('00:01:00', 'b')];
  assert.deepEqual(matchPattern("[file:name = 'b'] AND [file:name = 'a']", objects).observedDataIds.sort(), [
    'observed-data--a-000000',
    'observed-data--b-000100',
  ]);
});

test('OR across observation expressions is satisfied by either, the first operand first', () => {
  const objects = [...at('00:00:00', 'a'), ...at('00:01:00', 'b')];
  assert.deepEqual(matchPattern("[file:name = 'b'] OR [file:name = 'a']", objects).observedDataIds, ['observed-data--b-000100']);
  assert.equal(matches("[file:name = 'x'] OR [file:name = 'y']", objects), false);
});

test('FOLLOWEDBY needs the second observation at or after the first', () => {
  const objects = [...at('00:00:00', 'a'), ...at('00:01:00', 'b')];
  assert.equal(matches("[file:name = 'a'] FOLLOWEDBY [file:name = 'b']", objects), true);
  assert.equal(matches("[file:name = 'b'] FOLLOWEDBY [file:name = 'a']", objects), false);
});

test('FOLLOWEDBY accepts equal timestamps (greater than or equal, section 9.5.2)', () => {
  const objects = [...at('00:00:00', 'a'), ...at('00:00:00', 'b')];
  assert.equal(matches("[file:name = 'a'] FOLLOWEDBY [file:name = 'b']", objects), true);
});

test('FOLLOWEDBY compares the end of the first observation with the start of the second', () => {
  const objects = [...at('00:00:00', 'a', { until: '2024-01-01T00:05:00Z' }), ...at('00:01:00', 'b')];
  assert.equal(matches("[file:name = 'a'] FOLLOWEDBY [file:name = 'b']", objects), false);
});

// ---- 9.5.1 qualifiers

test('WITHIN accepts observations closer together than the window', () => {
  const objects = [...at('00:00:00', 'a'), ...at('00:01:59', 'b')];
  assert.equal(matches("([file:name = 'a'] AND [file:name = 'b']) WITHIN 120 SECONDS", objects), true);
});

test('WITHIN rejects observations exactly the window apart (must be strictly within)', () => {
  const objects = [...at('00:00:00', 'a'), ...at('00:02:00', 'b')];
  assert.equal(matches("([file:name = 'a'] AND [file:name = 'b']) WITHIN 120 SECONDS", objects), false);
});

test('WITHIN takes fractional seconds', () => {
  const objects = [...at('00:00:00', 'a'), ...at('00:00:01.2', 'b')];
  assert.equal(matches("([file:name = 'a'] AND [file:name = 'b']) WITHIN 1.5 SECONDS", objects), true);
  assert.equal(matches("([file:name = 'a'] AND [file:name = 'b']) WITHIN 1.1 SECONDS", objects), false);
});

test('WITHIN finds a close pair even when earlier candidates are far apart', () => {
  const objects = [...at('00:00:00', 'a'), ...at('05:00:00', 'a'), ...at('05:00:30', 'b')];
  const result = matchPattern("([file:name = 'a'] AND [file:name = 'b']) WITHIN 60 SECONDS", objects);
  assert.deepEqual(result.observedDataIds, ['observed-data--a-050000', 'observed-data--b-050030']);
});

test('WITHIN accepts a single observation whatever its observed interval (a set of one fits any window)', () => {
  const objects = at('00:00:00', 'a', { until: '2024-01-01T01:00:00Z' });
  assert.equal(matches("[file:name = 'a'] WITHIN 60 SECONDS", objects), true);
});

test('WITHIN holds several observations counted from one observed-data to its observed interval', () => {
  const spread = at('00:00:00', 'a', { until: '2024-01-01T01:00:00Z', count: 3 });
  assert.equal(matches("[file:name = 'a'] REPEATS 3 TIMES WITHIN 60 SECONDS", spread), false);
  const tight = at('00:00:00', 'a', { until: '2024-01-01T00:00:30Z', count: 3 });
  assert.equal(matches("[file:name = 'a'] REPEATS 3 TIMES WITHIN 60 SECONDS", tight), true);
});

test('REPEATS n TIMES needs n different observations', () => {
  const objects = [...at('00:00:00', 'a'), ...at('00:01:00', 'a')];
  assert.equal(matches("[file:name = 'a'] REPEATS 2 TIMES", objects), true);
  assert.equal(matches("[file:name = 'a'] REPEATS 3 TIMES", objects), false);
});

test('REPEATS counts number_observed: one observed-data seen 3 times satisfies REPEATS 3', () => {
  const objects = at('00:00:00', 'a', { count: 3 });
  assert.equal(matches("[file:name = 'a'] REPEATS 3 TIMES", objects), true);
  assert.equal(matches("[file:name = 'a'] REPEATS 4 TIMES", objects), false);
});

test('REPEATS adds number_observed across observed-data objects', () => {
  const objects = [...at('00:00:00', 'a', { count: 2 }), ...at('00:01:00', 'a', { count: 2 })];
  assert.equal(matches("[file:name = 'a'] REPEATS 4 TIMES", objects), true);
});

test('REPEATS on a group repeats the whole group on distinct observations (section 9.5)', () => {
  const pairs = [...at('00:00:00', 'a'), ...at('00:00:01', 'b'), ...at('00:00:02', 'a'), ...at('00:00:03', 'b')];
  assert.equal(matches("([file:name = 'a'] AND [file:name = 'b']) REPEATS 2 TIMES", pairs), true);
  assert.equal(matches("([file:name = 'a'] AND [file:name = 'b']) REPEATS 3 TIMES", pairs), false);
});

test('a qualifier applies only to the expression before it: b then 2 cs after it', () => {
  const objects = [...at('00:00:00', 'b'), ...at('00:00:01', 'c'), ...at('00:00:02', 'c')];
  assert.equal(matches("[file:name = 'b'] FOLLOWEDBY [file:name = 'c'] REPEATS 2 TIMES", objects), true);
  assert.equal(matches("([file:name = 'b'] FOLLOWEDBY [file:name = 'c']) REPEATS 2 TIMES", objects), false);
});

test('REPEATS with WITHIN needs the repetitions inside one window', () => {
  const spread = [...at('00:00:00', 'a'), ...at('00:10:00', 'a'), ...at('00:20:00', 'a')];
  assert.equal(matches("[file:name = 'a'] REPEATS 2 TIMES WITHIN 300 SECONDS", spread), false);
  const close = [...spread, ...at('00:20:30', 'a')];
  assert.equal(matches("[file:name = 'a'] REPEATS 2 TIMES WITHIN 300 SECONDS", close), true);
});

test('START/STOP keeps observations with first_observed >= START and last_observed < STOP', () => {
  const objects = at('12:00:00', 'a');
  assert.equal(matches("[file:name = 'a'] START t'2024-01-01T12:00:00Z' STOP t'2024-01-01T13:00:00Z'", objects), true);
  assert.equal(matches("[file:name = 'a'] START t'2024-01-01T11:00:00Z' STOP t'2024-01-01T12:00:00Z'", objects), false);
  assert.equal(matches("[file:name = 'a'] START t'2024-01-01T12:00:00.001Z' STOP t'2024-01-01T13:00:00Z'", objects), false);
});

test('START/STOP applies to every observation of a group', () => {
  const objects = [...at('10:00:00', 'a'), ...at('12:30:00', 'b')];
  const pattern = "([file:name = 'a'] AND [file:name = 'b']) START t'2024-01-01T12:00:00Z' STOP t'2024-01-01T13:00:00Z'";
  assert.equal(matches(pattern, objects), false);
});

// ---- results and failures

test("the OASIS sighting example's observed-data are matched and cited by id", () => {
  const objects = fixture('oasis-sighting-of-observed-data.json');
  const result = matchPattern("[file:hashes.MD5 = '1717b7fff97d37a1e1a0029d83492de1'] AND [windows-registry-key:key LIKE '%\\\\WSALG2']", objects);
  assert.equal(result.matched, true);
  assert.deepEqual(result.observedDataIds.sort(), [
    'observed-data--a0d34360-66ad-4977-b255-d9e1080421c4',
    'observed-data--cf8eaa41-6f4c-482e-89b9-9cd2d6a83cb1',
  ]);
});

test('maxBindings reports several distinct satisfying bindings', () => {
  const objects = [...at('00:00:00', 'a'), ...at('00:01:00', 'a'), ...at('00:02:00', 'a')];
  const result = matchPattern("[file:name = 'a']", objects, { maxBindings: 10 });
  assert.equal(result.bindings.length, 3);
  assert.equal(result.observedDataIds.length, 3);
});

test('a non-match reports no ids', () => {
  assert.deepEqual(matchPattern("[file:name = 'zzz']", file), { matched: false, observedDataIds: [], bindings: [], skipped: [] });
});

test('observed-data without usable timestamps is skipped with a reason', () => {
  const objects = observed([{ type: 'file', name: 'a' }], { id: 'observed-data--bad' });
  (objects[0] as Record<string, unknown>).first_observed = 'yesterday';
  const result = matchPattern("[file:name = 'a']", objects);
  assert.equal(result.matched, false);
  assert.equal(result.skipped[0]?.id, 'observed-data--bad');
});

test('an invalid pattern throws PatternInvalidError instead of answering no (section 9.4)', () => {
  assert.throws(() => matchPattern("[file:magic_number_hex = h'abc']", file), PatternInvalidError);
});

test('a malformed pattern throws PatternSyntaxError', () => {
  assert.throws(() => matchPattern('[file:name = ', file), PatternSyntaxError);
});

test('a pattern whose search explodes stops with PatternMatchLimitError', () => {
  const objects = Array.from({ length: 30 }, (_, i) => at(`00:00:${String(i).padStart(2, '0')}`, 'a')).flat();
  const pattern = Array.from({ length: 8 }, () => "[file:name = 'a']").join(' AND ') + " AND [file:name = 'b']";
  assert.throws(() => matchPattern(pattern, objects, { maxSteps: 20_000 }), PatternMatchLimitError);
});

test('a parsed tree can be matched directly', async () => {
  const { parsePattern } = await import('../../src/pattern/index.ts');
  assert.equal(matchPattern(parsePattern("[file:name = 'foo.dll']"), file).matched, true);
});

test('following references through [*] around a cycle does not multiply the work', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `x-node--00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const nodes = ids.map((id, i) => ({ type: 'x-node', id, name: `n${i}`, next_refs: ids }));
  const objects = [
    {
      type: 'observed-data',
      id: 'observed-data--cycle',
      first_observed: '2024-01-01T00:00:00Z',
      last_observed: '2024-01-01T00:00:00Z',
      number_observed: 1,
      object_refs: ids,
    },
    ...nodes,
  ];
  const path = 'x-node:' + Array.from({ length: 8 }, () => 'next_refs[*]').join('.') + '.name';
  assert.equal(matches(`[${path} = 'n39']`, objects), true);
  assert.equal(matches(`[${path} = 'n40']`, objects), false);
});

test('FOLLOWEDBY and WITHIN over thousands of candidates decide within the default search budget', () => {
  // 3,000 × 3,000 candidate pairs would exceed the 1,000,000-step budget if every pair were tried.
  const objects = [];
  for (let i = 0; i < 3000; i++) {
    objects.push(...observed([{ type: 'file', name: 'b' }], { at: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString() }));
    objects.push(...observed([{ type: 'file', name: 'a' }], { at: new Date(Date.UTC(2024, 0, 2) + i * 1000).toISOString() }));
  }
  assert.equal(matches("[file:name = 'a'] FOLLOWEDBY [file:name = 'b']", objects), false);
  assert.equal(matches("([file:name = 'a'] AND [file:name = 'b']) WITHIN 3600 SECONDS", objects), false);
  assert.equal(matches("[file:name = 'b'] FOLLOWEDBY [file:name = 'a']", objects), true);
});

test('REPEATS with WITHIN over thousands of spread-out candidates decides within the default search budget', () => {
  const objects = [];
  for (let i = 0; i < 3000; i++) {
    objects.push(...observed([{ type: 'file', name: 'a' }], { at: new Date(Date.UTC(2024, 0, 1) + i * 3600_000).toISOString() }));
  }
  assert.equal(matches("[file:name = 'a'] REPEATS 2 TIMES WITHIN 60 SECONDS", objects), false);
  assert.equal(matches("[file:name = 'a'] REPEATS 2 TIMES WITHIN 3601 SECONDS", objects), true);
});

test('PatternInvalidError says where the problem is', () => {
  assert.throws(
    () => matchPattern("[file:name = 'a'] AND [file:magic_number_hex = h'abc']", file),
    (err: unknown) => err instanceof PatternInvalidError && err.message.endsWith('(1:48)') && err.diagnostics[0]!.code === 'invalid-hex',
  );
});
