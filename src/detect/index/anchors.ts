// Which index entries an observation's comparison expression needs, so that every SCO it can match is probed.
//
// An anchor is a condition any matching SCO must meet: a path holding an exact value, an address inside a
// CIDR block, a value containing a whole token, or merely a value at a path. A comparison expression yields a
// list of anchors of which a matching SCO meets at least one: AND takes the cheapest operand's list, OR joins
// its operands' lists.
import { assertNever, type Comparison, type ComparisonExpression, type Constant, type ObjectPath, type PathStep } from '../../pattern/ast.ts';
import { parseCidr, type Cidr } from '../../pattern/cidr.ts';
import { nfc } from '../../pattern/matcher/values.ts';
import { likeTokens, regexTokens } from './text-tokens.ts';
import { pathKey } from './value-path.ts';

export type ExactValue = string | number | boolean;

interface AnchorPath {
  objectType: string;
  steps: PathStep[];
  /** `pathKey` of type and steps. */
  path: string;
}

export type Anchor =
  | (AnchorPath & { kind: 'exact'; value: ExactValue })
  | (AnchorPath & { kind: 'cidr'; block: Cidr })
  | (AnchorPath & { kind: 'token'; token: string })
  | (AnchorPath & { kind: 'path' });

/** How many entries share an exact value or token so far: the index prefers rare anchors. */
export type Frequency = (anchor: Anchor) => number;

/** The anchors each comparison allows, shaped like the expression: computed once, chosen from after counting. */
export type AnchorTree = Anchor[] | { op: 'and' | 'or'; operands: AnchorTree[] };

export function anchorTree(e: ComparisonExpression): AnchorTree {
  switch (e.kind) {
    case 'and':
      return { op: 'and', operands: e.operands.map(anchorTree) };
    case 'or':
      return { op: 'or', operands: e.operands.map(anchorTree) };
    case 'comparison':
      return comparisonAnchors(e);
    case 'in': {
      const base = at(e.path);
      if (!e.negated && !encoded(e.path)) {
        const values = e.values.map(exactValue);
        if (values.every((v) => v !== undefined)) return values.map((value) => exact(base, value!));
      }
      return [{ ...base, kind: 'path' }];
    }
    case 'exists':
      return [{ ...at(e.path), kind: 'path' }];
    default:
      return assertNever(e);
  }
}

/** Every anchor in the tree, for counting how often values and tokens occur. */
export function everyAnchor(t: AnchorTree, out: Anchor[] = []): Anchor[] {
  if (Array.isArray(t)) out.push(...t);
  else for (const o of t.operands) everyAnchor(o, out);
  return out;
}

/** The anchors to index: AND takes its cheapest operand's, OR all of its operands'. */
export function chooseAnchors(t: AnchorTree, frequency: Frequency): Anchor[] {
  if (Array.isArray(t)) return t;
  if (t.op === 'or') return t.operands.flatMap((o) => chooseAnchors(o, frequency));
  let best: Anchor[] | undefined;
  let bestCost = Infinity;
  for (const operand of t.operands) {
    const list = chooseAnchors(operand, frequency);
    const c = cost(list, frequency);
    if (c < bestCost) {
      best = list;
      bestCost = c;
    }
  }
  return best!;
}

export function anchorsOf(e: ComparisonExpression, frequency: Frequency): Anchor[] {
  return chooseAnchors(anchorTree(e), frequency);
}

function exact(base: AnchorPath, value: ExactValue): Anchor {
  return { objectType: base.objectType, steps: base.steps, path: base.path, kind: 'exact', value };
}

/**
 * Section 9.6: whatever the operator, negated or not, a comparison is false when its path reaches no value;
 * so "a value at the path" is always a sound anchor, and the sharper ones apply to unnegated operators.
 */
function comparisonAnchors(c: Comparison): Anchor[] {
  const base = at(c.path);
  if (c.negated || encoded(c.path)) return anyValue(base);
  switch (c.operator) {
    case '=': {
      const value = exactValue(c.value);
      return value === undefined ? anyValue(base) : [exact(base, value)];
    }
    case 'ISSUBSET': {
      const block = c.value.kind === 'string' ? parseCidr(c.value.value) : undefined;
      return block ? [{ ...base, kind: 'cidr', block }] : anyValue(base);
    }
    case 'LIKE':
    case 'MATCHES': {
      if (c.value.kind !== 'string') return anyValue(base);
      const tokens = c.operator === 'LIKE' ? likeTokens(nfc(c.value.value)) : regexTokens(c.value.value);
      if (tokens.length === 0) return anyValue(base);
      // The longest token is the likeliest to be rare.
      const token = tokens.reduce((a, b) => (b.length > a.length ? b : a));
      return [{ ...base, kind: 'token', token }];
    }
    default:
      return anyValue(base);
  }
}

function anyValue(base: AnchorPath): Anchor[] {
  return [{ objectType: base.objectType, steps: base.steps, path: base.path, kind: 'path' }];
}

/** String, number and boolean constants compare by plain equality on unencoded properties (section 9.6.2). */
function exactValue(c: Constant): ExactValue | undefined {
  switch (c.kind) {
    case 'string':
    case 'integer':
    case 'float':
    case 'boolean':
      return c.value;
    default:
      return undefined;
  }
}

/** `_bin` and `_hex` properties compare as octets (section 9.6.4), not as text. */
function encoded(path: ObjectPath): boolean {
  let last: string | undefined;
  for (const s of path.steps) if (s.kind === 'property') last = s.name;
  return last !== undefined && (last.endsWith('_bin') || last.endsWith('_hex'));
}

function at(path: ObjectPath): AnchorPath {
  const step = path.steps[0];
  if (path.steps.length !== 1 || step?.kind !== 'property') return { objectType: path.objectType, steps: path.steps, path: pathKey(path.objectType, path.steps) };
  // Nearly every indexed path is one property (`ipv4-addr:value`): built once per type and property, its key
  // is one string whose hash is computed once, not a fresh concatenation hashed again per indicator.
  let byName = singleProperty.get(path.objectType);
  if (byName === undefined) singleProperty.set(path.objectType, (byName = new Map()));
  let base = byName.get(step.name);
  if (base === undefined) {
    base = { objectType: path.objectType, steps: [step], path: pathKey(path.objectType, [step]) };
    byName.set(step.name, base);
  }
  return base;
}

/** Object paths of one property, by type and property name: as many as the watched patterns name. */
const singleProperty = new Map<string, Map<string, AnchorPath>>();

const PATH_COST = 10_000;

function cost(list: Anchor[], frequency: Frequency): number {
  let total = 0;
  for (const a of list) {
    switch (a.kind) {
      case 'exact': total += 1 + frequency(a); break;
      case 'cidr': total += 50 + 32 - Math.min(32, a.block.prefix); break;
      case 'token': total += 20 + frequency(a); break;
      case 'path': total += PATH_COST; break;
    }
  }
  return total;
}
