// matchPattern: does a pattern match a set of observed-data, and which observed-data objects bear it out.
import type { Pattern } from '../ast.ts';
import { hasErrors } from '../diagnostics.ts';
import { PatternInvalidError } from '../errors.ts';
import { DEFAULT_MATCH_STEPS, type PatternLimits } from '../limits.ts';
import { parsePattern } from '../parser.ts';
import { checkPattern } from '../validator.ts';
import { collectObservations, type SkippedObservedData } from './observations.ts';
import { Search } from './search.ts';

export interface MatchOptions {
  /** How many distinct satisfying bindings to report (default 1: the first found). */
  maxBindings?: number;
  /** Search steps before PatternMatchLimitError (default 1,000,000). */
  maxSteps?: number;
  limits?: Partial<PatternLimits>;
}

export interface MatchResult {
  matched: boolean;
  /** Ids of the observed-data bound by the reported bindings, in time order, without repeats. */
  observedDataIds: string[];
  /** Each reported binding: the observed-data ids that together satisfy the pattern. */
  bindings: string[][];
  /** Observed-data that could not take part (missing timestamps, unresolvable objects), with the reason. */
  skipped: SkippedObservedData[];
}

/**
 * Matches `pattern` (text or a parsed tree) against `objects`: observed-data with, for STIX 2.1, the SCOs
 * their object_refs name, or 2.0 observed-data with embedded `objects`. An invalid pattern matches nothing
 * (section 9.4), so it throws PatternSyntaxError or PatternInvalidError rather than answering "no".
 */
export function matchPattern(pattern: string | Pattern, objects: readonly unknown[], options: MatchOptions = {}): MatchResult {
  const source = typeof pattern === 'string' ? pattern : '';
  const ast = typeof pattern === 'string' ? parsePattern(pattern, { ...options.limits, positions: false }) : pattern;
  if (hasErrors(checkPattern(ast, source))) {
    // Parse again with positions, so the error says where the problem is.
    const located = typeof pattern === 'string' ? checkPattern(parsePattern(pattern, options.limits), source) : checkPattern(ast);
    throw new PatternInvalidError(located.filter((d) => d.severity === 'error'));
  }

  const { observations, skipped } = collectObservations(objects);
  const search = new Search(observations, options.maxSteps ?? DEFAULT_MATCH_STEPS);
  const maxBindings = Math.max(1, options.maxBindings ?? 1);
  const bindings: string[][] = [];
  const seen = new Set<string>();
  for (const b of search.solutions(ast)) {
    const ids = b.observations.map((i) => observations[i]!.id);
    const key = ids.join('\n');
    if (seen.has(key)) continue;
    seen.add(key);
    bindings.push(ids);
    if (bindings.length >= maxBindings) break;
  }
  const observedDataIds = [...new Set(bindings.flat())];
  return { matched: bindings.length > 0, observedDataIds, bindings, skipped };
}
