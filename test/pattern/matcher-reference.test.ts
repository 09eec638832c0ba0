// The matcher's pruned search agrees with a brute-force reading of sections 9.5–9.5.2 on small random cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { matchPattern, PatternMatchLimitError } from '../../src/pattern/index.ts';
import { observed } from './observed.ts';

type Expr =
  | { kind: 'leaf'; name: string }
  | { kind: 'and' | 'or' | 'followedBy'; operands: Expr[] }
  | { kind: 'within'; seconds: number; operand: Expr }
  | { kind: 'repeats'; times: number; operand: Expr }
  | { kind: 'startStop'; start: number; stop: number; operand: Expr };

interface Obs {
  name: string;
  first: number;
  last: number;
  count: number;
}

interface RefBinding {
  set: number[];
  first: number;
  last: number;
  /** Stands for two or more observations. */
  several: boolean;
}

/** Every binding, by exhaustive enumeration: no pruning, no memo, no shortcuts. */
function bindings(e: Expr, data: Obs[]): RefBinding[] {
  switch (e.kind) {
    case 'leaf':
      return data.flatMap((o, i) => (o.name === e.name ? [{ set: [i], first: o.first, last: o.last, several: false }] : []));
    case 'or':
      return e.operands.flatMap((o) => bindings(o, data));
    case 'and':
    case 'followedBy': {
      let acc: RefBinding[] = [EMPTY];
      for (const operand of e.operands) {
        const next: RefBinding[] = [];
        for (const a of acc) {
          for (const b of bindings(operand, data)) {
            if (b.set.some((i) => a.set.includes(i))) continue;
            if (e.kind === 'followedBy' && a.set.length > 0 && b.first < a.last) continue;
            next.push(union(a, b));
          }
        }
        acc = next;
      }
      return acc;
    }
    case 'within':
      // A single observation fits any window (section 9.5.1 constrains sets of two or more).
      return bindings(e.operand, data).filter((b) => !b.several || b.last - b.first < e.seconds);
    case 'startStop':
      return bindings(e.operand, data).filter((b) => b.set.every((i) => data[i]!.first >= e.start && data[i]!.last < e.stop));
    case 'repeats': {
      const children = bindings(e.operand, data);
      if (children.length > 12) throw new TooBig();
      const out: RefBinding[] = [];
      const n = children.length;
      for (let mask = 1; mask < 1 << n; mask++) {
        const chosen = children.filter((_, i) => mask & (1 << i));
        const all = chosen.flatMap((c) => c.set);
        if (new Set(all).size !== all.length) continue;
        const total = chosen.reduce((s, c) => s + Math.min(...c.set.map((i) => data[i]!.count)), 0);
        if (total < e.times) continue;
        const joined = chosen.reduce(union, EMPTY);
        out.push(chosen.length === 1 && e.times > 1 ? { ...joined, several: true } : joined);
      }
      return out;
    }
  }
}

/** The brute force would take too long for this case; it is skipped. */
class TooBig extends Error {}

const EMPTY: RefBinding = { set: [], first: Infinity, last: -Infinity, several: false };

function union(a: RefBinding, b: RefBinding): RefBinding {
  const set = [...a.set, ...b.set];
  return { set, first: Math.min(a.first, b.first), last: Math.max(a.last, b.last), several: a.several || b.several || (a.set.length > 0 && b.set.length > 0) };
}

const time = (s: number) => new Date(Date.UTC(2024, 0, 1) + s * 1000).toISOString();

function print(e: Expr): string {
  switch (e.kind) {
    case 'leaf':
      return `[file:name = '${e.name}']`;
    case 'and':
    case 'or':
    case 'followedBy':
      return `(${e.operands.map(print).join(e.kind === 'followedBy' ? ' FOLLOWEDBY ' : ` ${e.kind.toUpperCase()} `)})`;
    case 'within':
      return `(${print(e.operand)}) WITHIN ${e.seconds} SECONDS`;
    case 'repeats':
      return `(${print(e.operand)}) REPEATS ${e.times} TIMES`;
    case 'startStop':
      return `(${print(e.operand)}) START t'${time(e.start)}' STOP t'${time(e.stop)}'`;
  }
}

const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc.constantFrom<Expr>({ kind: 'leaf', name: 'a' }, { kind: 'leaf', name: 'b' }),
    fc.record({ kind: fc.constantFrom('and' as const, 'or' as const, 'followedBy' as const), operands: fc.array(tie('e'), { minLength: 2, maxLength: 2 }) }, { noNullPrototype: true }),
    fc.record({ kind: fc.constant('within' as const), seconds: fc.integer({ min: 1, max: 20 }), operand: tie('e') }, { noNullPrototype: true }),
    fc.record({ kind: fc.constant('repeats' as const), times: fc.integer({ min: 1, max: 4 }), operand: tie('e') }, { noNullPrototype: true }),
    fc
      .record({ kind: fc.constant('startStop' as const), start: fc.integer({ min: 0, max: 15 }), length: fc.integer({ min: 1, max: 20 }), operand: tie('e') }, { noNullPrototype: true })
      .map(({ start, length, operand }): Expr => ({ kind: 'startStop', start, stop: start + length, operand })),
  ),
})).e;

const data: fc.Arbitrary<Obs[]> = fc.array(
  fc
    .record({ name: fc.constantFrom('a', 'b', 'c'), first: fc.integer({ min: 0, max: 20 }), length: fc.integer({ min: 0, max: 3 }), count: fc.integer({ min: 1, max: 3 }) }, { noNullPrototype: true })
    .map(({ name, first, length, count }) => ({ name, first, last: first + length, count })),
  { minLength: 1, maxLength: 5 },
);

test('matchPattern agrees with exhaustive enumeration on random observation expressions and data', () => {
  fc.assert(
    fc.property(expr, data, (e, obs) => {
      const children = (x: Expr): number => ('operands' in x ? x.operands.reduce((s, o) => s + children(o), 1) : 'operand' in x ? 1 + children(x.operand) : 1);
      if (children(e) > 7) return;
      const objects = obs.flatMap((o) => observed([{ type: 'file', name: o.name }], { at: time(o.first), until: time(o.last), count: o.count }));
      let expected: boolean;
      try {
        expected = bindings(e, obs).length > 0;
      } catch (err) {
        if (err instanceof TooBig) return;
        throw err;
      }
      try {
        assert.equal(matchPattern(print(e), objects).matched, expected, print(e));
      } catch (err) {
        if (!(err instanceof PatternMatchLimitError)) throw err;
      }
    }),
    { numRuns: 1500 },
  );
});
