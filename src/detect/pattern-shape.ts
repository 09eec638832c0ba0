// Patterns that differ only in their string constants share one parse and one check.
//
// A feed holds thousands of patterns of one shape (`[network-traffic:dst_ref.value = '…' AND
// network-traffic:dst_port = 443]`, `[file:hashes.'SHA-256' = '…']`), and the parser and checker cost
// microseconds each. The checker judges a string constant compared with =, !=, <, <=, >, >=, LIKE or IN by
// its kind alone (validator.ts: `accepts`, `textual`, `mixed-set`), never by its text; only MATCHES, ISSUBSET
// and ISSUPERSET read it. So the shape — the pattern with every such constant emptied to '' — is parsed and
// checked once, and each pattern of the shape gets the shape's tree with its own strings put back in reading
// order. Outside those constants the shape is the pattern's own text, so the parser reads the same tokens.
import type { ComparisonExpression, Constant, ObservationExpression, Pattern } from '../pattern/ast.ts';
import { assertNever } from '../pattern/ast.ts';
import { hasErrors } from '../pattern/diagnostics.ts';
import { PatternError } from '../pattern/errors.ts';
import { DEFAULT_LIMITS } from '../pattern/limits.ts';
import { parsePattern } from '../pattern/parser.ts';
import { isWhitespace } from '../pattern/scanner.ts';
import { checkPattern } from '../pattern/validator.ts';

/** A valid shape's tree (its string constants empty), or null when its patterns need the parser each. */
const shapes = new Map<string, Pattern | null>();
/** Shapes differ in their numbers too (ports, WITHIN seconds); past this many the cache starts again. */
const MAX_SHAPES = 10_000;

/**
 * The tree of a valid pattern, built from its shape; undefined when the parser and checker must read it
 * themselves (no string constant to share, comments, h'…'/b'…'/t'…' constants, MATCHES, ISSUBSET, a shape
 * that does not parse or check, or a text over the parser's length limit).
 */
export function patternFromShape(text: string): Pattern | undefined {
  if (text.length > DEFAULT_LIMITS.maxLength) return undefined;
  const strings: string[] = [];
  const shape = shapeOf(text, strings);
  if (shape === undefined || strings.length === 0) return undefined;
  let tree = shapes.get(shape);
  if (tree === undefined) {
    tree = judge(shape, strings.length);
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    shapes.set(shape, tree);
  }
  return tree === null ? undefined : new Filler(strings).observation(tree);
}

/** The text with each value string emptied (its contents, unescaped, pushed to `strings`); undefined to give up. */
function shapeOf(text: string, strings: string[]): string | undefined {
  let out = '';
  let copied = 0;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27) {
      // As the scanner reads a string: only \' and \\ are escapes.
      let j = i + 1;
      let value = '';
      let chunk = j;
      for (;;) {
        if (j >= text.length) return undefined;
        const d = text.charCodeAt(j);
        if (d === 0x27) break;
        if (d === 0x5c) {
          const e = text.charCodeAt(j + 1);
          if (e !== 0x27 && e !== 0x5c) return undefined;
          value += text.slice(chunk, j) + text[j + 1];
          j += 2;
          chunk = j;
          continue;
        }
        j++;
      }
      if (isValueStart(text, prev)) {
        strings.push(value + text.slice(chunk, j));
        out += `${text.slice(copied, i)}''`;
        copied = j + 1;
      } else if (prev < 0 || text.charCodeAt(prev) !== 0x2e) {
        // Not a value and not a quoted property name after '.': a prefixed constant or something odd.
        return undefined;
      }
      prev = j;
      i = j;
      continue;
    }
    if (isWhitespace(c)) continue;
    if (c === 0x2f) return undefined; // a comment could hold apostrophes
    prev = i;
  }
  return out + text.slice(copied);
}

/** Whether a string starting after the character at `prev` is a constant the checker judges by kind only. */
function isValueStart(text: string, prev: number): boolean {
  if (prev < 0) return false;
  switch (text.charCodeAt(prev)) {
    case 0x3d: // = != <= >=
    case 0x3c: // <
    case 0x3e: // >
    case 0x28: // ( of IN
    case 0x2c: // , of IN
      return true;
    case 0x45: // E of LIKE
      return prev >= 4 && text.startsWith('LIKE', prev - 3) && isWhitespace(text.charCodeAt(prev - 4));
    default:
      return false;
  }
}

/** The shape's tree if it parses and checks without errors and holds exactly the strings taken out. */
function judge(shape: string, strings: number): Pattern | null {
  let tree: Pattern;
  try {
    tree = parsePattern(shape, { positions: false });
  } catch (err) {
    if (err instanceof PatternError) return null;
    throw err;
  }
  if (hasErrors(checkPattern(tree))) return null;
  const counter = new Filler(undefined);
  counter.observation(tree);
  return counter.ok && counter.used === strings ? tree : null;
}

/**
 * Copies a shape's tree with its string constants replaced, in reading order; without strings, only counts
 * them and checks that each sits where its text cannot change the checker's verdict. Paths and other
 * constants are shared between the copies: no pass changes a tree.
 */
class Filler {
  used = 0;
  ok = true;

  constructor(private readonly strings: string[] | undefined) {}

  observation(e: ObservationExpression): ObservationExpression {
    switch (e.kind) {
      case 'observation':
        return { kind: 'observation', comparison: this.comparison(e.comparison) };
      case 'observationAnd':
      case 'observationOr':
      case 'followedBy':
        return { kind: e.kind, operands: e.operands.map((o) => this.observation(o)) };
      case 'within':
        return { ...e, operand: this.observation(e.operand) };
      case 'repeats':
        return { ...e, operand: this.observation(e.operand) };
      case 'startStop':
        return { ...e, operand: this.observation(e.operand) };
      default:
        return assertNever(e);
    }
  }

  private comparison(e: ComparisonExpression): ComparisonExpression {
    switch (e.kind) {
      case 'and':
      case 'or':
        return { kind: e.kind, operands: e.operands.map((o) => this.comparison(o)) };
      case 'comparison':
        if (e.operator === 'MATCHES' || e.operator === 'ISSUBSET' || e.operator === 'ISSUPERSET') this.ok = false;
        return { kind: 'comparison', path: e.path, operator: e.operator, negated: e.negated, value: this.constant(e.value) };
      case 'in':
        return { kind: 'in', path: e.path, negated: e.negated, values: e.values.map((v) => this.constant(v)) };
      case 'exists':
        return e;
      default:
        return assertNever(e);
    }
  }

  private constant(c: Constant): Constant {
    if (c.kind !== 'string') return c;
    const i = this.used++;
    return this.strings === undefined ? c : { kind: 'string', value: this.strings[i]! };
  }
}
