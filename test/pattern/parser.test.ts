// Parser: valid patterns from every part of section 9 round-trip; invalid ones fail with "message (line:col)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePattern, printPattern, PatternSyntaxError, PatternLimitError } from '../../src/pattern/index.ts';

/** pattern → its canonical print. */
const VALID: ReadonlyArray<[string, string]> = [
  // 9.3/9.4: the simplest pattern, whitespace of any Unicode kind, line breaks
  ["[file:size = 25536]", "[file:size = 25536]"],
  ["[ file:size=25536 ]", "[file:size = 25536]"],
  ["[\n\tfile:size\u00a0=\u300025536\r\n]", "[file:size = 25536]"],
  // 9.6.1: every comparison operator, with and without NOT
  ["[file:name != 'a']", "[file:name != 'a']"],
  ["[file:size > 1 AND file:size < 9 AND file:size >= 2 AND file:size <= 8]", "[file:size > 1 AND file:size < 9 AND file:size >= 2 AND file:size <= 8]"],
  ["[file:name NOT = 'a']", "[file:name NOT = 'a']"],
  ["[file:size NOT > 5]", "[file:size NOT > 5]"],
  ["[process:name IN ('proccy', 'proximus', 'badproc')]", "[process:name IN ('proccy', 'proximus', 'badproc')]"],
  ["[process:pid NOT IN (1,2)]", "[process:pid NOT IN (1, 2)]"],
  ["[file:name IN ()]", "[file:name IN ()]"],
  ["[directory:path LIKE 'C:\\\\Windows\\\\%\\\\foo']", "[directory:path LIKE 'C:\\\\Windows\\\\%\\\\foo']"],
  ["[file:name NOT LIKE 'a_%']", "[file:name NOT LIKE 'a_%']"],
  ["[directory:path MATCHES '^C:\\\\\\\\Windows\\\\w+$']", "[directory:path MATCHES '^C:\\\\\\\\Windows\\\\w+$']"],
  ["[ipv4-addr:value ISSUBSET '198.51.100.0/24']", "[ipv4-addr:value ISSUBSET '198.51.100.0/24']"],
  ["[ipv4-addr:value NOT ISSUPERSET '198.51.100.0/24']", "[ipv4-addr:value NOT ISSUPERSET '198.51.100.0/24']"],
  ["[EXISTS windows-registry-key:values]", "[EXISTS windows-registry-key:values]"],
  // the OASIS grammar's alternative spellings of = and !=
  ["[file:size == 1 OR file:size <> 2]", "[file:size = 1 OR file:size != 2]"],
  // 9.2: every constant type
  ["[x:a = 'it\\'s \\\\ here']", "[x:a = 'it\\'s \\\\ here']"],
  ["[x:a = -12]", "[x:a = -12]"],
  ["[x:a = +12]", "[x:a = 12]"],
  ["[x:a = -0]", "[x:a = 0]"],
  ["[x:a = 1.50]", "[x:a = 1.5]"],
  ["[x:a = .5]", "[x:a = 0.5]"],
  ["[x:a = -007.0]", "[x:a = -7.0]"],
  ["[x:a = true OR x:a = false]", "[x:a = true OR x:a = false]"],
  ["[x:a = h'ffc3']", "[x:a = h'ffc3']"],
  ["[x:a = b'ABI=']", "[x:a = b'ABI=']"],
  ["[x:a = t'2014-01-13T07:03:17Z']", "[x:a = t'2014-01-13T07:03:17Z']"],
  // 9.7: object paths
  ["[file:hashes.'SHA-256' = 'a']", "[file:hashes.'SHA-256' = 'a']"],
  ["[file:'name' = 'a']", "[file:name = 'a']"],
  ["[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]", "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]"],
  ["[network-traffic:protocols[0] = 'tcp']", "[network-traffic:protocols[0] = 'tcp']"],
  ["[email-message:from_ref.value = 'a@example.com']", "[email-message:from_ref.value = 'a@example.com']"],
  ["[directory:contains_refs[*].name = 'a']", "[directory:contains_refs[*].name = 'a']"],
  ["[x:'a.b'.'c d'[-1] = 1]", "[x:'a.b'.'c d'[-1] = 1]"],
  // 9.5/9.6: precedence and parentheses
  ["[a:j = 'W' AND a:k = 'X' OR a:l = 'Z']", "[a:j = 'W' AND a:k = 'X' OR a:l = 'Z']"],
  ["[(a:j = 'W' OR a:k = 'X') AND a:l = 'Z']", "[(a:j = 'W' OR a:k = 'X') AND a:l = 'Z']"],
  ["[((a:j = 'W'))]", "[a:j = 'W']"],
  ["[a:j = 1 OR (a:k = 2 OR a:l = 3)]", "[a:j = 1 OR (a:k = 2 OR a:l = 3)]"],
  ["[a:x = 1] AND [b:y = 2] OR [c:z = 3] FOLLOWEDBY [d:w = 4]", "[a:x = 1] AND [b:y = 2] OR [c:z = 3] FOLLOWEDBY [d:w = 4]"],
  ["[a:x = 1] AND ([b:y = 2] OR [c:z = 3])", "[a:x = 1] AND ([b:y = 2] OR [c:z = 3])"],
  // 9.5.1: qualifiers
  ["[a:x = 1] REPEATS 5 TIMES", "[a:x = 1] REPEATS 5 TIMES"],
  ["[a:x = 1] WITHIN 300 SECONDS", "[a:x = 1] WITHIN 300 SECONDS"],
  ["[a:x = 1] WITHIN 1.5 SECONDS", "[a:x = 1] WITHIN 1.5 SECONDS"],
  ["[a:x = 1] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'", "[a:x = 1] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'"],
  ["([a:x = 1] AND [b:y = 2]) REPEATS 5 TIMES WITHIN 300 SECONDS", "([a:x = 1] AND [b:y = 2]) REPEATS 5 TIMES WITHIN 300 SECONDS"],
  ["[b:x = 1] FOLLOWEDBY [c:y = 2] REPEATS 5 TIMES", "[b:x = 1] FOLLOWEDBY [c:y = 2] REPEATS 5 TIMES"],
  ["([a:x = 1] WITHIN 5 SECONDS) WITHIN 10 SECONDS", "([a:x = 1] WITHIN 5 SECONDS) WITHIN 10 SECONDS"],
  // comments, as in the OASIS grammar
  ["[a:x = 1 /* note */] // trailing", "[a:x = 1]"],
];

/** pattern → PatternSyntaxError message. */
const INVALID: ReadonlyArray<[string, string]> = [
  ['', "The pattern is empty; it needs at least one observation expression such as [file:name = 'a'] (1:1)"],
  ['   ', "The pattern is empty; it needs at least one observation expression such as [file:name = 'a'] (1:4)"],
  ['file:name = 1', "Expected an observation expression starting with '[' or '(', but found 'file' (1:1)"],
  ['[', 'Expected an object path such as file:name, but found the end of the pattern (1:2)'],
  ['[]', "Expected an object path such as file:name, but found ']' (1:2)"],
  ['[file = 1]', "Expected ':' after the object type 'file', as in file:name, but found '=' (1:7)"],
  ['[file: = 1]', "Expected a property name, but found '=' (1:8)"],
  ['[file:name]', "Expected a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET) after the object path, but found ']' (1:11)"],
  ['[file:name = ]', "Expected a constant (a 'string', number, true, false, h'…', b'…' or t'…') after =, but found ']' (1:14)"],
  ["[file:name = 'a'", "Expected ']' to close the observation expression opened at 1:1, but found the end of the pattern (1:17)"],
  ["[file:name = 'a']]", "Expected the end of the pattern or an observation operator (AND, OR, FOLLOWEDBY), but found ']' (1:18)"],
  ["[file:name = 'a'] [file:name = 'b']", "Expected the end of the pattern or an observation operator (AND, OR, FOLLOWEDBY), but found '[' (1:19)"],
  ["[file:name = 'a' and file:size = 1]", "Expected ']' to close the observation expression opened at 1:1, but found 'and'; keywords are case-sensitive, so write AND (1:18)"],
  ["[file:name like 'a']", 'Expected a comparison operator after the object path, but found \'like\'; keywords are case-sensitive, write LIKE (1:12)'],
  ["[file:name = 'abc", "The string starting here is never closed with an apostrophe (') (1:14)"],
  ["[file:name = 'a\\n']", "The escape \\n is not allowed in a string; only \\' and \\\\ are (write \\\\ for a backslash) (1:16)"],
  ["[file:hashes.SHA-256 = 'a']", "The property name SHA-256 contains '-', so it must be quoted: 'SHA-256' (1:14)"],
  ['[file:size = 007]', 'The integer 007 has a leading zero, which the grammar does not allow (1:14)'],
  ['[file:size = 1.2.3]', "'1.2.3' is not a number (digits with at most one decimal point) (1:14)"],
  ['[file:size = True]', "Expected a constant after =, but found 'True'; booleans are written in lower case: true (1:14)"],
  ['[file:size > true]', 'The operator > cannot compare booleans; use = or != (1:14)'],
  ['[file:name LIKE 5]', 'LIKE needs a string constant in apostrophes, but found the number 5 (1:17)'],
  ["[file:name IN 'a']", "IN needs a parenthesised list of constants, as in IN ('a', 'b'), but found the string 'a' (1:15)"],
  ["[file:name IN ('a' 'b')]", "Expected ',' or ')' in the IN list opened at 1:15, but found the string 'b' (1:20)"],
  ["[NOT file:name = 'a']", "NOT cannot start a comparison; it goes between the object path and the operator, as in file:name NOT LIKE 'a%' (1:2)"],
  ['[file:name NOT EXISTS]', 'EXISTS goes before the object path, as in EXISTS file:name, and cannot be negated (1:16)'],
  ['[file:x[a] = 1]', "Expected a list index (a whole number or *) after '[', but found 'a' (1:9)"],
  ['[file:x = 1 ! 2]', "Found '!' on its own; the not-equal operator is written != (1:13)"],
  ['[file:x = 1 # 2]', "Found the character '#' (U+0023), which has no meaning in a pattern (1:13)"],
  ["[file:x = h'ab]", "The hex constant starting here is never closed with an apostrophe (') (1:11)"],
  ['[a:x = 1] REPEATS TIMES', 'REPEATS needs a positive integer, as in REPEATS 5 TIMES, but found the keyword TIMES (1:19)'],
  ['[a:x = 1] REPEATS 1.5 TIMES', 'REPEATS needs a whole number of times, but found 1.5 (1:19)'],
  ['[a:x = 1] WITHIN 5', 'WITHIN n must be followed by SECONDS, but found the end of the pattern (1:19)'],
  ['[a:x = 1] WITHIN 5 MINUTES', "WITHIN n must be followed by SECONDS, but found 'MINUTES' (1:20)"],
  ["[a:x = 1] START '2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'", "START needs a timestamp constant such as t'2016-06-01T00:00:00Z', but found the string '2016-06-01T00:00:00Z'; write t'2016-06-01T00:00:00Z' (1:17)"],
  ["[a:x = 1] START t'2016-06-01T00:00:00Z'", "START t'…' must be followed by STOP t'…', but found the end of the pattern (1:40)"],
  ['[a:x = 1] WITHIN 5 SECONDS WITHIN 6 SECONDS', 'An observation expression may have only one WITHIN qualifier (section 9.5.1); use parentheses to apply another to a group (1:28)'],
  ['[a:x = 1] AND', "Expected an observation expression starting with '[' or '(', but found the end of the pattern (1:14)"],
  ['([a:x = 1]', "Expected ')' to close the parenthesis opened at 1:1, but found the end of the pattern (1:11)"],
  ['[a:x = 1 /* open', 'This /* comment is never closed with */ (1:10)'],
  ["[a:x = 1]\n\nAND [b:y = ]", "Expected a constant (a 'string', number, true, false, h'…', b'…' or t'…') after =, but found ']' (3:12)"],
];

for (const [source, canonical] of VALID) {
  test(`parses ${JSON.stringify(source)} and prints it canonically`, () => {
    const ast = parsePattern(source);
    assert.equal(printPattern(ast), canonical);
    assert.deepEqual(parsePattern(canonical), ast);
  });
}

for (const [source, message] of INVALID) {
  test(`rejects ${JSON.stringify(source)}: ${message}`, () => {
    assert.throws(
      () => parsePattern(source),
      (err: unknown) => {
        assert.ok(err instanceof PatternSyntaxError);
        assert.equal(err.message, message);
        return true;
      },
    );
  });
}

test('AND binds tighter than OR inside an observation (section 9.5.3)', () => {
  const ast = parsePattern("[a:j = 'W' AND a:k = 'X' OR a:l = 'Z']");
  assert.equal(ast.kind, 'observation');
  assert.ok(ast.kind === 'observation' && ast.comparison.kind === 'or');
  assert.ok(ast.kind === 'observation' && ast.comparison.kind === 'or' && ast.comparison.operands[0]!.kind === 'and');
});

test('observation operators bind AND, then OR, then FOLLOWEDBY (section 9.5.3)', () => {
  const ast = parsePattern('[a:x = 1] FOLLOWEDBY [b:x = 1] OR [c:x = 1] AND [d:x = 1]');
  assert.equal(ast.kind, 'followedBy');
  assert.ok(ast.kind === 'followedBy');
  const right = ast.operands[1]!;
  assert.equal(right.kind, 'observationOr');
  assert.ok(right.kind === 'observationOr' && right.operands[1]!.kind === 'observationAnd');
});

test('a qualifier applies only to the expression just before it (qualifiers are not greedy, section 9.5.2)', () => {
  const ast = parsePattern('[b:x = 1] FOLLOWEDBY [c:y = 2] REPEATS 5 TIMES');
  assert.ok(ast.kind === 'followedBy');
  assert.equal(ast.operands[0]!.kind, 'observation');
  assert.equal(ast.operands[1]!.kind, 'repeats');
});

test('a long OR chain is one flat node, so later passes do not recurse per operand', () => {
  const source = `[${Array.from({ length: 5000 }, (_, i) => `file:name = 'f${i}'`).join(' OR ')}]`;
  const ast = parsePattern(source);
  assert.ok(ast.kind === 'observation' && ast.comparison.kind === 'or');
  assert.equal(ast.comparison.kind === 'or' && ast.comparison.operands.length, 5000);
  assert.equal(printPattern(ast), source);
});

test('nesting beyond the depth limit throws PatternLimitError with a position', () => {
  const source = `${'('.repeat(101)}[a:x = 1]${')'.repeat(101)}`;
  assert.throws(
    () => parsePattern(source),
    (err: unknown) => err instanceof PatternLimitError && err.message === 'The pattern nests deeper than 100 levels of brackets, parentheses and qualifiers (1:101)',
  );
});

test('nesting at the depth limit parses', () => {
  const source = `${'('.repeat(99)}[a:x = 1]${')'.repeat(99)}`;
  assert.equal(parsePattern(source).kind, 'observation');
});

test('a pattern over the length limit throws PatternLimitError', () => {
  assert.throws(() => parsePattern(`[a:x = '${'y'.repeat(100)}']`, { maxLength: 50 }), PatternLimitError);
});

test('a syntax error carries expected and found separately from the sentence', () => {
  try {
    parsePattern('[file:name]');
    assert.fail('no error');
  } catch (err) {
    assert.ok(err instanceof PatternSyntaxError);
    assert.equal(err.line, 1);
    assert.equal(err.column, 11);
    assert.equal(err.expected, 'a comparison operator');
    assert.equal(err.found, "']'");
  }
});

test('columns count characters, not UTF-16 units', () => {
  assert.throws(() => parsePattern("[x:a = '😀' AND]"), /\(1:15\)$/);
});
