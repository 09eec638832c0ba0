// One observation expression (`[…]`) of a watched indicator: what the index finds and the matcher confirms.
import type { ComparisonExpression } from '../../pattern/ast.ts';
import type { ScoPredicate } from '../../pattern/matcher/compile.ts';
import type { ActiveIndicator } from '../active-indicator.ts';

export interface Leaf {
  indicator: ActiveIndicator;
  /** Kept for multi-observation patterns; a single observation's is parsed again from the text when first needed. */
  comparison: ComparisonExpression | undefined;
  predicate: ScoPredicate | undefined;
  /** Sequence number of the last event it matched, so that one event reports it once. */
  matched: number;
  /** Set when the indicator is replaced, revoked or expires: the index skips it until it is rebuilt. */
  retired: boolean;
}
