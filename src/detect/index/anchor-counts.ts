// How often each exact value and token occurs among a batch's anchors, on the paths where an AND must choose.
import { everyAnchor, type Anchor, type AnchorTree, type ExactValue } from './anchors.ts';

interface PathCounts {
  exact: Map<ExactValue, number>;
  tokens: Map<string, number>;
}

export class AnchorCounts {
  private readonly byPath = new Map<string, PathCounts>();

  /**
   * Only an AND compares the cost of its operands' anchors, so only anchors on the paths some AND names can
   * change a choice; counting nothing else spares a million plain `[type:value = '…']` patterns a count each.
   */
  constructor(trees: readonly AnchorTree[]) {
    for (const t of trees) {
      if (!hasAnd(t)) continue;
      for (const a of everyAnchor(t)) {
        if ((a.kind === 'exact' || a.kind === 'token') && !this.byPath.has(a.path)) this.byPath.set(a.path, { exact: new Map(), tokens: new Map() });
      }
    }
    if (this.byPath.size === 0) return;
    for (const t of trees) {
      if (Array.isArray(t)) for (const a of t) this.count(a);
      else for (const a of everyAnchor(t)) this.count(a);
    }
  }

  /** How many anchors of the batch hold this exact value or token at this path (0 for other kinds). */
  of(a: Anchor): number {
    const c = this.byPath.get(a.path);
    if (c === undefined) return 0;
    if (a.kind === 'exact') return c.exact.get(a.value) ?? 0;
    if (a.kind === 'token') return c.tokens.get(a.token) ?? 0;
    return 0;
  }

  private count(a: Anchor): void {
    const c = this.byPath.get(a.path);
    if (c === undefined) return;
    // Map keys compare as SameValueZero: 1 and '1' stay apart, as they compare in a pattern (section 9.6.2).
    if (a.kind === 'exact') c.exact.set(a.value, (c.exact.get(a.value) ?? 0) + 1);
    else if (a.kind === 'token') c.tokens.set(a.token, (c.tokens.get(a.token) ?? 0) + 1);
  }
}

function hasAnd(t: AnchorTree): boolean {
  return !Array.isArray(t) && (t.op === 'and' || t.operands.some(hasAnd));
}
