// Semantic validation: each rule reports its code at the offending token, and nothing on valid patterns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePattern, DIAGNOSTIC_CATALOG } from '../../src/pattern/index.ts';

/** pattern → the one diagnostic expected, as "code (line:col)". */
const CASES: ReadonlyArray<[string, string]> = [
  // 9.2 constants
  ["[file:ctime = t'2016-02-30T00:00:00Z']", 'invalid-timestamp (1:15)'],
  ["[file:ctime = t'2016-01-01 00:00:00']", 'invalid-timestamp (1:15)'],
  ["[file:ctime = t'2016-01-01T24:00:00Z']", 'invalid-timestamp (1:15)'],
  ["[file:ctime = t'2016-01-01T00:00:00+01:00']", 'invalid-timestamp (1:15)'],
  ["[file:magic_number_hex = h'abc']", 'invalid-hex (1:26)'],
  ["[file:magic_number_hex = h'zz']", 'invalid-hex (1:26)'],
  ["[artifact:payload_bin = b'abc']", 'invalid-binary (1:25)'],
  ["[artifact:payload_bin = b'ab=c']", 'invalid-binary (1:25)'],
  ['[file:size = 9007199254740992]', 'integer-out-of-range (1:14)'],
  // 9.6.1 types and operators
  ["[file:size = 'big']", 'type-mismatch (1:14)'],
  ['[file:name = 5]', 'type-mismatch (1:14)'],
  ['[file:name = true]', 'type-mismatch (1:14)'],
  ["[file:ctime > '2016-01-01T00:00:00Z']", 'type-mismatch (1:15)'],
  ['[process:is_hidden = 1]', 'type-mismatch (1:22)'],
  ["[network-traffic:protocols = 'tcp']", 'type-mismatch (1:30)'],
  ["[file:hashes = 'abc']", 'type-mismatch (1:16)'],
  ["[file:size IN (1, 'two')]", 'mixed-set (1:19)'],
  ["[file:size IN ('one', 'two')]", 'type-mismatch (1:16)'],
  ["[file:size LIKE '1%']", 'operator-mismatch (1:2)'],
  ["[process:pid MATCHES '^1']", 'operator-mismatch (1:2)'],
  ["[file:name ISSUBSET '10.0.0.0/8']", 'operator-mismatch (1:2)'],
  ["[ipv4-addr:value ISSUBSET '10.0.0.0/33']", 'invalid-cidr (1:27)'],
  ["[ipv4-addr:value ISSUPERSET '10.0.0'] ", 'invalid-cidr (1:29)'],
  ["[ipv6-addr:value ISSUBSET '2001:db8::1::/64']", 'invalid-cidr (1:27)'],
  ["[ipv6-addr:value ISSUBSET '10.0.0.0/8']", 'type-mismatch (1:27)'],
  ["[ipv4-addr:value ISSUBSET '10.1.0.0/8']", 'cidr-host-bits (1:27)'],
  ["[file:name MATCHES '(a)\\\\1']", 'invalid-regex (1:20)'],
  ["[file:name MATCHES 'a(?!b)']", 'invalid-regex (1:20)'],
  ["[file:name MATCHES 'a(']", 'invalid-regex (1:20)'],
  // 9.5: AND inside an observation must be satisfiable by one object
  ["[file:name = 'a' AND ipv4-addr:value = '10.0.0.1']", 'and-object-types (1:22)'],
  ["[(file:name = 'a' OR url:value = 'b') AND ipv4-addr:value = '10.0.0.1']", 'and-object-types (1:43)'],
  // 9.5.1 qualifiers
  ["[file:name = 'a'] START t'2016-07-01T00:00:00Z' STOP t'2016-06-01T00:00:00Z'", 'start-not-before-stop (1:54)'],
  ["[file:name = 'a'] START t'2016-07-01T00:00:00Z' STOP t'2016-07-01T00:00:00.000Z'", 'start-not-before-stop (1:54)'],
  ["[file:name = 'a'] REPEATS 0 TIMES", 'repeats-not-positive (1:27)'],
  ["[file:name = 'a'] REPEATS -2 TIMES", 'repeats-not-positive (1:27)'],
  ["[file:name = 'a'] WITHIN 0 SECONDS", 'within-not-positive (1:26)'],
  ["[file:name = 'a'] WITHIN -1.5 SECONDS", 'within-not-positive (1:26)'],
  // section 6: spec-defined objects (warnings)
  ["[x-acme:serial = 'a']", 'unknown-object-type (1:2)'],
  ["[file:nmae = 'a']", 'unknown-property (1:7)'],
  ["[email-message:from_ref.vaule = 'a']", 'unknown-property (1:25)'],
  ["[file:extensions.'windows-pebinary-ext'.sections[*].entropyy > 7.0]", 'unknown-property (1:53)'],
  // 9.7 paths that cannot reach anything
  ["[directory:contains_refs.name = 'a']", 'invalid-path (1:26)'],
  ["[file:name.first = 'a']", 'invalid-path (1:12)'],
  ["[file:name[0] = 'a']", 'invalid-path (1:11)'],
  ["[email-message:to_refs.value = 'a@example.com']", 'invalid-path (1:24)'],
  // 9.6.4 binary constants against text
  ["[file:hashes.MD5 = h'd41d8cd98f00b204e9800998ecf8427e']", 'octets-against-text (1:20)'],
  // 9.7.2 list indexes
  ["[network-traffic:protocols[-1] = 'tcp']", 'negative-index (1:27)'],
];

const VALID: readonly string[] = [
  "[file:hashes.'SHA-256' = 'aec0'] AND [file:magic_number_hex = h'00ff']",
  "[artifact:payload_bin = 'this is a test' OR artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
  "[artifact:payload_bin = h'7468697320697320612074657374']",
  "[file:size > 256 AND file:size <= 1024.5]",
  "[file:ctime >= t'2016-02-29T23:59:60.123456789Z']",
  "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
  "[file:extensions.'x-acme-ext'.anything = 1]",
  "[file:extensions.'extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'.rank = 5]",
  "[network-traffic:src_ref.value ISSUBSET '198.51.100.0/24' AND network-traffic:dst_port = 443]",
  "[ipv6-addr:value ISSUPERSET '2001:db8::/32']",
  "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
  "[file:name = 'W' AND file:size = 1 OR url:value = 'Z']",
  "[EXISTS windows-registry-key:values]",
  "[windows-registry-key:values[*].data_type = 'REG_SZ']",
  "[process:extensions.'windows-process-ext'.aslr_enabled = true]",
  "[user-account:extensions.'unix-account-ext'.groups[*] = 'wheel']",
  "[x509-certificate:x509_v3_extensions.private_key_usage_period_not_after < t'2020-01-01T00:00:00Z']",
  "[file:name IN ()]",
  "[process:pid IN (1, 2.5)]",
  "([file:name = 'a'] AND [url:value = 'b']) WITHIN 1.5 SECONDS REPEATS 2 TIMES START t'2016-01-01T00:00:00Z' STOP t'2016-01-02T00:00:00Z'",
];

for (const [source, expected] of CASES) {
  test(`reports ${expected} for ${JSON.stringify(source)}`, () => {
    const diagnostics = validatePattern(source);
    assert.deepEqual(
      diagnostics.map((d) => `${d.code} (${d.line}:${d.column})`),
      [expected],
      JSON.stringify(diagnostics),
    );
    assert.equal(diagnostics[0]!.severity, DIAGNOSTIC_CATALOG[diagnostics[0]!.code as keyof typeof DIAGNOSTIC_CATALOG].severity);
  });
}

for (const source of VALID) {
  test(`accepts ${JSON.stringify(source)}`, () => {
    assert.deepEqual(validatePattern(source), []);
  });
}

test('a type mismatch message names the path, the property type and the constant', () => {
  const [d] = validatePattern("[file:size = 'big']");
  assert.equal(d!.message, "file:size is an integer property, so it cannot be compared with the string 'big'");
});

test('a string compared with a timestamp property suggests the t-prefix', () => {
  const [d] = validatePattern("[file:ctime = '2016-01-01T00:00:00Z']");
  assert.match(d!.message, /write t'2016-01-01T00:00:00Z'$/);
});

test('every catalog code is reachable as an error or warning with the catalog severity', () => {
  for (const entry of Object.values(DIAGNOSTIC_CATALOG)) {
    assert.ok(entry.severity === 'error' || entry.severity === 'warning');
    assert.ok(entry.summary.length > 0);
  }
});

test('diagnostics on a later line carry that line', () => {
  const [d] = validatePattern("[file:name = 'a']\nAND\n[file:size = 'x']");
  assert.equal(`${d!.line}:${d!.column}`, '3:14');
});

test('an unknown type used many times is warned about once', () => {
  const diagnostics = validatePattern("[x-acme:a = 1 OR x-acme:b = 2 OR x-acme:c = 3]");
  assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-object-type']);
});

test('docs/pattern.md documents every diagnostic code', async () => {
  const { readFileSync } = await import('node:fs');
  const doc = readFileSync(new URL('../../docs/pattern.md', import.meta.url), 'utf8');
  for (const code of Object.keys(DIAGNOSTIC_CATALOG)) assert.ok(doc.includes(`| \`${code}\` |`), code);
});

test('two qualifiers of one type in a row are reported as duplicate-qualifier', () => {
  const [d] = validatePattern("[file:name = 'a'] REPEATS 2 TIMES REPEATS 3 TIMES");
  assert.equal(`${d!.code} (${d!.line}:${d!.column})`, 'duplicate-qualifier (1:35)');
});

test('a non-string pattern is reported, not thrown on', () => {
  const [d] = validatePattern(undefined as unknown as string);
  assert.equal(d!.code, 'syntax-error');
});
