// Ordered timestamp pairs (§3.6.1 modified/created and the type-specific first/last windows).
import type { Context } from './context.ts';
import { compareTimestamps, timestampFraction } from './lexical.ts';

/**
 * Reports when `later` comes before `earlier` (or equals it, when `strict`). Both are timestamp properties, so
 * their format was checked already; pairs with an absent or malformed member are skipped (the malformed one is
 * reported by its own property check).
 */
export function checkOrder(
  ctx: Context, earlier: string, later: string, strict: boolean, spec: string,
): void {
  const a = ctx.root[earlier];
  const b = ctx.root[later];
  if (typeof a !== 'string' || typeof b !== 'string') return;
  if (ctx.badTimestamp && (timestampFraction(a) < 0 || timestampFraction(b) < 0)) return;
  const cmp = compareTimestamps(b, a);
  if (cmp < 0 || (strict && cmp === 0)) {
    const relation = strict ? 'later than' : 'later than or equal to';
    ctx.report('time-order', `$.${later}`, `${later} ${b} must be ${relation} ${earlier} ${a}.`, spec);
  }
}
