// Most indicators are `[type:property = 'value']`: that one shape read without the scanner, parser and checker.
//
// Loading a million of them through the parser and checker costs seconds. Whether the checker accepts one
// depends only on the type and property (a string constant against that property), so the real parser and
// checker judge `[type:property = 'x']` once per pair; matching still compiles from the text with the real
// parser. The pair's object path is built once and shared by every pattern naming it (no pass changes a
// tree), so the index finds its key without rebuilding it a million times. The text is read by hand, not by a
// regular expression, so that a pattern costs two slices rather than a match array and three captures.
import type { ObjectPath, Pattern } from '../pattern/ast.ts';
import { hasErrors } from '../pattern/diagnostics.ts';
import { PatternError } from '../pattern/errors.ts';
import { DEFAULT_LIMITS } from '../pattern/limits.ts';
import { parsePattern } from '../pattern/parser.ts';
import { checkPattern } from '../pattern/validator.ts';

/** The shared path of each `type:property` pair, or null when the checker rejects the pair. */
const verdicts = new Map<string, ObjectPath | null>();

/** The tree of `[type:property = 'value']` (as /^\[([a-z][a-z0-9-]*):([a-z_][a-z0-9_]*) = '((?:[^'\\]|\\['\\])*)'\]$/ reads it) if valid. */
export function simpleEquality(text: string): Pattern | undefined {
  if (text.length > DEFAULT_LIMITS.maxLength || text.charCodeAt(0) !== 0x5b /* [ */ || !isLower(text.charCodeAt(1))) return undefined;
  let i = 2;
  while (isLower(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 0x2d /* - */) i++;
  const colon = i;
  if (text.charCodeAt(colon) !== 0x3a /* : */) return undefined;
  const first = text.charCodeAt(colon + 1);
  if (!isLower(first) && first !== 0x5f /* _ */) return undefined;
  i = colon + 2;
  while (isLower(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 0x5f) i++;
  const nameEnd = i;
  if (!text.startsWith(" = '", nameEnd)) return undefined;
  const valueStart = nameEnd + 4;
  let escaped = false;
  for (i = valueStart; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 /* ' */) break;
    if (c === 0x5c /* \ */) {
      const e = text.charCodeAt(i + 1);
      if (e !== 0x27 && e !== 0x5c) return undefined;
      escaped = true;
      i++;
    }
  }
  // The closing apostrophe, then `]` ending the text.
  if (i !== text.length - 2 || text.charCodeAt(i + 1) !== 0x5d /* ] */) return undefined;
  const path = pathOf(text, colon, nameEnd);
  if (path === null) return undefined;
  const raw = text.slice(valueStart, i);
  const value = escaped ? raw.replace(/\\(['\\])/g, '$1') : raw;
  return {
    kind: 'observation',
    comparison: { kind: 'comparison', path, operator: '=', negated: false, value: { kind: 'string', value } },
  };
}

/** The last pairs seen: a feed names a few pairs, and comparing text in place costs less than slicing and hashing a key. */
const recent: { key: string; path: ObjectPath | null }[] = [];
const RECENT = 8;

/** The verdict on the pair `text.slice(1, nameEnd)`, the type ending at `colon`. */
function pathOf(text: string, colon: number, nameEnd: number): ObjectPath | null {
  const length = nameEnd - 1;
  for (const r of recent) if (r.key.length === length && text.startsWith(r.key, 1)) return r.path;
  const key = text.slice(1, nameEnd);
  let path = verdicts.get(key);
  if (path === undefined) {
    const objectType = text.slice(1, colon);
    const name = text.slice(colon + 1, nameEnd);
    path = sameShape(key, objectType, name) ? { kind: 'objectPath', objectType, steps: [{ kind: 'property', name }] } : null;
    verdicts.set(key, path);
  }
  if (recent.length >= RECENT) recent.pop();
  recent.unshift({ key, path });
  return path;
}

const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Whether the real parser reads `[type:property = 'x']` as that one comparison, and the checker accepts it. */
function sameShape(key: string, objectType: string, name: string): boolean {
  let p: Pattern;
  try {
    p = parsePattern(`[${key} = 'x']`, { positions: false });
  } catch (err) {
    if (err instanceof PatternError) return false;
    throw err;
  }
  if (p.kind !== 'observation' || p.comparison.kind !== 'comparison') return false;
  const c = p.comparison;
  const step = c.path.steps[0];
  return c.operator === '=' && !c.negated && c.value.kind === 'string' && c.value.value === 'x' && c.path.objectType === objectType &&
    c.path.steps.length === 1 && step?.kind === 'property' && step.name === name && !hasErrors(checkPattern(p));
}
