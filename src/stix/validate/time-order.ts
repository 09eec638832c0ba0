// Ordered timestamp pairs (§3.6.1 modified/created and the type-specific first/last windows).
import type { Context } from './context.ts';
import { compareTimestamps, timestampFraction } from './lexical.ts';

/**
 * Reports when `b` (property `later`) comes before `a` (property `earlier`), or equals it when `strict`. Both
 * are timestamp properties, so their format was checked already; pairs with an absent or malformed member are
 * skipped (the malformed one is reported by its own property check).
 */
export function checkPair(
  ctx: Context, earlier: string, a: unknown, later: string, b: unknown, strict: boolean, spec: string,
): void {
  if (typeof a !== 'string' || typeof b !== 'string') return;
  if (ctx.badTimestamp && (timestampFraction(a) < 0 || timestampFraction(b) < 0)) return;
  const cmp = compareTimestamps(b, a);
  if (cmp < 0 || (strict && cmp === 0)) {
    const relation = strict ? 'later than' : 'later than or equal to';
    ctx.report('time-order', `$.${later}`, `${later} ${b} must be ${relation} ${earlier} ${a}.`, spec);
  }
}

/** checkPair for two properties of the object under validation, by name. */
export function checkOrder(ctx: Context, earlier: string, later: string, strict: boolean, spec: string): void {
  const b = ctx.root[later];
  if (b !== undefined) checkPair(ctx, earlier, ctx.root[earlier], later, b, strict, spec);
}
