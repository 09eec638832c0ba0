// Finds sets of observations satisfying observation expressions, operators and qualifiers (sections 9.5–9.5.2).
import { assertNever, type ObservationExpression } from '../ast.ts';
import { PatternMatchLimitError } from '../errors.ts';
import { compareInstants, parseTimestamp, secondsBetween, type Instant } from '../timestamp.ts';
import { compileComparison } from './compile.ts';
import type { Observation } from './observations.ts';

/** One way to satisfy an expression: the observations it binds (indexes, ascending) and their time span. */
export interface Binding {
  observations: readonly number[];
  first: Instant;
  last: Instant;
  /** Whether it stands for two or more observations (several observed-data, or one counted repeatedly). */
  several: boolean;
}

/**
 * Solutions of each node are produced lazily and remembered, so an operand revisited while backtracking
 * replays its list instead of searching again.
 */
class Solutions {
  private readonly items: Binding[] = [];
  private done = false;

  constructor(
    private readonly source: Iterator<Binding>,
    /** True when solutions come in order of `first` (those of a single observation expression do). */
    readonly sortedByFirst: boolean,
  ) {}

  /** Index of the first solution whose `first` is at or after `seconds` (all of them produced first). */
  firstAtOrAfter(seconds: number): number {
    while (this.get(this.items.length) !== undefined) {
      // Produce everything: a binary search needs the whole list.
    }
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toSeconds(this.items[mid]!.first) < seconds) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(i: number): Binding | undefined {
    while (i >= this.items.length && !this.done) {
      const r = this.source.next();
      if (r.done) this.done = true;
      else this.items.push(r.value);
    }
    return this.items[i];
  }

  *[Symbol.iterator](): Generator<Binding> {
    for (let i = 0; ; i++) {
      const b = this.get(i);
      if (b === undefined) return;
      yield b;
    }
  }
}

/**
 * Restrictions pushed down from enclosing qualifiers, so the search prunes early instead of enumerating
 * combinations it would filter out: every binding must span less than `maxSpan` seconds (WITHIN), and every
 * observation must lie in [start, stop) (START/STOP).
 */
interface Constraint {
  maxSpan: number;
  start: Instant | undefined;
  stop: Instant | undefined;
}

const NONE: Constraint = { maxSpan: Infinity, start: undefined, stop: undefined };

export class Search {
  private readonly memo = new Map<ObservationExpression, Map<string, Solutions>>();
  private steps = 0;

  constructor(
    private readonly observations: readonly Observation[],
    private readonly maxSteps: number,
  ) {}

  solutions(e: ObservationExpression, c: Constraint = NONE): Solutions {
    let byConstraint = this.memo.get(e);
    if (!byConstraint) {
      byConstraint = new Map();
      this.memo.set(e, byConstraint);
    }
    const key = `${c.maxSpan}|${c.start?.seconds}.${c.start?.fraction}|${c.stop?.seconds}.${c.stop?.fraction}`;
    let s = byConstraint.get(key);
    if (!s) {
      s = new Solutions(this.solve(e, c), e.kind === 'observation');
      byConstraint.set(key, s);
    }
    return s;
  }

  private tick(): void {
    if (++this.steps > this.maxSteps) throw new PatternMatchLimitError(this.maxSteps);
  }

  /**
   * WITHIN (section 9.5.1) constrains a set of two or more observations; one observation always fits a window,
   * whatever the first_observed..last_observed interval it is known to lie in.
   */
  private fits(b: Binding, c: Constraint): boolean {
    return c.maxSpan === Infinity || !b.several || secondsBetween(b.first, b.last) < c.maxSpan;
  }

  private *solve(e: ObservationExpression, c: Constraint): Generator<Binding> {
    switch (e.kind) {
      case 'observation': {
        // Section 9.5: every comparison starts from one SCO of one observation.
        const predicate = compileComparison(e.comparison);
        for (let i = 0; i < this.observations.length; i++) {
          const obs = this.observations[i]!;
          this.tick();
          // Section 9.5.1: observation times must be >= START and < STOP; an observation spans first..last.
          if (c.start && compareInstants(obs.first, c.start) < 0) continue;
          if (c.stop && compareInstants(obs.last, c.stop) >= 0) continue;
          const b: Binding = { observations: [i], first: obs.first, last: obs.last, several: false };
          if (this.fits(b, c) && obs.roots.some((sco) => predicate(sco, obs))) yield b;
        }
        return;
      }
      case 'observationOr':
        // Section 9.5: the first operand that matches decides.
        for (const operand of e.operands) yield* this.solutions(operand, c);
        return;
      case 'observationAnd':
        yield* this.product(e.operands, false, c);
        return;
      case 'followedBy':
        yield* this.product(e.operands, true, c);
        return;
      case 'within':
        // Section 9.5.1: the latest timestamp must be earlier than the earliest plus the window.
        yield* this.solutions(e.operand, { ...c, maxSpan: Math.min(c.maxSpan, e.seconds.value) });
        return;
      case 'startStop': {
        const start = parseTimestamp(e.start.text);
        const stop = parseTimestamp(e.stop.text);
        if (!start || !stop) return;
        yield* this.solutions(e.operand, {
          ...c,
          start: c.start && compareInstants(c.start, start) > 0 ? c.start : start,
          stop: c.stop && compareInstants(c.stop, stop) < 0 ? c.stop : stop,
        });
        return;
      }
      case 'repeats':
        yield* this.repeats(e.operand, e.times.value, c);
        return;
      default:
        assertNever(e);
    }
  }

  /**
   * AND and FOLLOWEDBY: one solution per operand, binding distinct observed-data (section 9.5.2); for
   * FOLLOWEDBY each operand's observations start no earlier than the previous ones ended. Iterative
   * backtracking, so a long chain of operands does not deepen the stack.
   */
  private *product(operands: readonly ObservationExpression[], ordered: boolean, c: Constraint): Generator<Binding> {
    const lists = operands.map((o) => this.solutions(o, c));
    const n = lists.length;
    const cursor: number[] = new Array<number>(n).fill(0);
    // For a time-sorted operand, the solutions past `until[i]` cannot fit, so the scan stops there.
    const until: number[] = new Array<number>(n).fill(Infinity);
    const acc: (Binding | undefined)[] = new Array<Binding | undefined>(n + 1);
    let i = 0;
    while (i >= 0) {
      const list = lists[i]!;
      let b = list.get(cursor[i]!);
      if (b !== undefined && list.sortedByFirst && toSeconds(b.first) > until[i]!) b = undefined;
      if (b === undefined) {
        cursor[i] = 0;
        i--;
        if (i >= 0) cursor[i]!++;
        continue;
      }
      this.tick();
      const before = acc[i];
      const merged = before ? merge(before, b) : b;
      if (
        before &&
        (!disjoint(before, b) || (ordered && compareInstants(b.first, before.last) < 0) || !this.fits(merged, c))
      ) {
        cursor[i]!++;
        continue;
      }
      if (i === n - 1) {
        yield merged;
        cursor[i]!++;
      } else {
        acc[i + 1] = merged;
        i++;
        this.narrow(lists[i]!, merged, ordered, c, i, cursor, until);
      }
    }
  }

  /**
   * Starts the scan of a time-sorted operand where its solutions can first follow `before` (FOLLOWEDBY) or
   * share a window with it (WITHIN), and sets where the scan may stop; turns an n × m scan into n × log m
   * when few pairs qualify. The bounds are widened by a millisecond: they only prune, the exact checks follow.
   */
  private narrow(
    list: Solutions,
    before: Binding,
    ordered: boolean,
    c: Constraint,
    i: number,
    cursor: number[],
    until: number[],
  ): void {
    if (!list.sortedByFirst || (!ordered && c.maxSpan === Infinity)) return;
    const slack = 1e-3;
    let from = -Infinity;
    if (ordered) from = toSeconds(before.last) - slack;
    if (c.maxSpan !== Infinity) {
      from = Math.max(from, toSeconds(before.last) - c.maxSpan - slack);
      until[i] = toSeconds(before.first) + c.maxSpan + slack;
    }
    cursor[i] = from === -Infinity ? 0 : list.firstAtOrAfter(from);
  }

  /**
   * REPEATS n: n matches on different observations (section 9.5.1). An observed-data object stands for
   * number_observed observations, so a solution can be counted that many times; solutions combined to
   * reach n must bind distinct observed-data objects.
   */
  private *repeats(operand: ObservationExpression, times: number, c: Constraint): Generator<Binding> {
    if (times < 1) return;
    const list = this.solutions(operand, c);
    // All candidates, with the capacity still available from each position on: a branch that cannot reach
    // n even taking everything left is cut, so "not enough matches" is found without trying every subset.
    const candidates: Binding[] = [];
    for (const b of list) {
      this.tick();
      candidates.push(b);
    }
    const capacities = candidates.map((b) => this.capacity(b));
    const rest: number[] = new Array<number>(candidates.length + 1).fill(0);
    for (let k = candidates.length - 1; k >= 0; k--) rest[k] = rest[k + 1]! + capacities[k]!;

    // Time-sorted candidates under WITHIN: once one starts a window after the first pick, so do all later ones.
    const windowed = list.sortedByFirst && c.maxSpan !== Infinity;
    const picks: number[] = [];
    const accs: Binding[] = [];
    const remaining: number[] = [times];
    let j = 0;
    for (;;) {
      const need = remaining[remaining.length - 1]!;
      const first = accs[0];
      const outOfWindow =
        windowed && first !== undefined && j < candidates.length &&
        toSeconds(candidates[j]!.first) > toSeconds(first.first) + c.maxSpan + 1e-3;
      if (j >= candidates.length || rest[j]! < need || outOfWindow) {
        if (picks.length === 0) return;
        j = picks.pop()! + 1;
        accs.pop();
        remaining.pop();
        continue;
      }
      this.tick();
      const b = candidates[j]!;
      const before = accs[accs.length - 1];
      if (before === undefined || disjoint(before, b)) {
        // One solution counted several times (number_observed) stands for several observations.
        const merged = before ? merge(before, b) : need > 1 && !b.several ? { ...b, several: true } : b;
        if (this.fits(merged, c)) {
          const left = need - capacities[j]!;
          if (left <= 0) {
            yield merged;
          } else {
            picks.push(j);
            accs.push(merged);
            remaining.push(left);
          }
        }
      }
      j++;
    }
  }

  /** How many times a binding can repeat: the smallest number_observed among its observations. */
  private capacity(b: Binding): number {
    let min = Infinity;
    for (const i of b.observations) min = Math.min(min, this.observations[i]!.count);
    return min;
  }
}

function toSeconds(i: Instant): number {
  return i.fraction === '' ? i.seconds : i.seconds + Number(`0.${i.fraction}`);
}

function disjoint(a: Binding, b: Binding): boolean {
  const x = a.observations;
  const y = b.observations;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) return false;
    if (x[i]! < y[j]!) i++;
    else j++;
  }
  return true;
}

function merge(a: Binding, b: Binding): Binding {
  const x = a.observations;
  const y = b.observations;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (j >= y.length || (i < x.length && x[i]! < y[j]!)) out.push(x[i++]!);
    else out.push(y[j++]!);
  }
  return {
    observations: out,
    several: true,
    first: compareInstants(a.first, b.first) <= 0 ? a.first : b.first,
    last: compareInstants(a.last, b.last) >= 0 ? a.last : b.last,
  };
}
