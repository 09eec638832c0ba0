// An indicator the engine watches for: its pattern parsed and checked once, with its validity window.
import type { ComparisonExpression, ObservationExpression, Pattern } from '../pattern/ast.ts';
import { hasErrors } from '../pattern/diagnostics.ts';
import { parsePattern } from '../pattern/parser.ts';
import { checkPattern } from '../pattern/validator.ts';
import { PatternError } from '../pattern/errors.ts';
import { patternFromShape } from './pattern-shape.ts';
import { simpleEquality } from './simple-equality.ts';

export interface ActiveIndicator {
  id: string;
  /** Epoch ms of `modified`: a changed version replaces this one only if it is not older. */
  modified: number;
  name: string | undefined;
  pattern: string;
  /** Epoch ms; the indicator is not in force before (valid_from) or from (valid_until) these. */
  validFrom: number;
  validUntil: number;
  /** The parsed pattern, kept only for patterns spanning several observations (the cross-event search needs it). */
  ast: Pattern | undefined;
}

/** Why an indicator is not watched for. */
export type Inactive = 'not-stix' | 'revoked' | 'invalid-pattern' | 'not-an-indicator';

/**
 * The indicator as the engine uses it, or why it cannot be used. Validity in time is checked by the caller,
 * which re-checks it as the clock moves.
 */
export function activeIndicator(o: Record<string, unknown>): { indicator: ActiveIndicator; parsed: Pattern } | { inactive: Inactive } {
  if (o.type !== 'indicator' || typeof o.id !== 'string' || typeof o.pattern !== 'string') return { inactive: 'not-an-indicator' };
  if (o.revoked === true) return { inactive: 'revoked' };
  if (o.pattern_type !== 'stix') return { inactive: 'not-stix' };
  let parsed = simpleEquality(o.pattern) ?? patternFromShape(o.pattern);
  if (parsed === undefined) {
    try {
      parsed = parsePattern(o.pattern, { positions: false });
    } catch (err) {
      if (err instanceof PatternError) return { inactive: 'invalid-pattern' };
      throw err;
    }
    // Section 9.4: an invalid pattern matches nothing.
    if (hasErrors(checkPattern(parsed))) return { inactive: 'invalid-pattern' };
  }
  const validFrom = typeof o.valid_from === 'string' ? validFromTime.of(o.valid_from) : -Infinity;
  const validUntil = typeof o.valid_until === 'string' ? validUntilTime.of(o.valid_until) : Infinity;
  return {
    parsed,
    indicator: {
      id: o.id,
      modified: typeof o.modified === 'string' ? modifiedTime.of(o.modified) || 0 : 0,
      name: typeof o.name === 'string' ? o.name : undefined,
      pattern: o.pattern,
      validFrom: Number.isNaN(validFrom) ? -Infinity : validFrom,
      validUntil: Number.isNaN(validUntil) ? Infinity : validUntil,
      ast: parsed.kind === 'observation' ? undefined : parsed,
    },
  };
}

// Indicators of one feed mostly share their timestamps (modified, valid_from of a bulk export), and Date.parse
// costs more than comparing a string with the one before: each field remembers its last text and time.
class TimeMemo {
  private text = '';
  private time = NaN;

  of(text: string): number {
    if (text !== this.text) {
      this.time = Date.parse(text);
      this.text = text;
    }
    return this.time;
  }
}

const modifiedTime = new TimeMemo();
const validFromTime = new TimeMemo();
const validUntilTime = new TimeMemo();

export function isInForce(i: ActiveIndicator, now: number): boolean {
  return i.validFrom <= now && now < i.validUntil;
}

/** The pattern's observation expressions (`[…]`), in reading order. */
export function observationsOf(e: ObservationExpression): ComparisonExpression[] {
  switch (e.kind) {
    case 'observation':
      return [e.comparison];
    case 'observationAnd':
    case 'observationOr':
    case 'followedBy':
      return e.operands.flatMap(observationsOf);
    case 'within':
    case 'repeats':
    case 'startStop':
      return observationsOf(e.operand);
  }
}

/**
 * The longest span, in seconds, any set of observations satisfying `e` can cover; Infinity when no WITHIN
 * bounds it. Partial matches older than this can never complete and are dropped.
 */
export function horizonOf(e: ObservationExpression): number {
  switch (e.kind) {
    case 'observation':
      return 0;
    case 'observationOr':
      return Math.max(...e.operands.map(horizonOf));
    case 'observationAnd':
    case 'followedBy':
      return e.operands.length === 1 ? horizonOf(e.operands[0]!) : Infinity;
    case 'repeats':
      return e.times.value <= 1 ? horizonOf(e.operand) : Infinity;
    case 'within':
      return Math.min(e.seconds.value, horizonOf(e.operand));
    case 'startStop':
      return horizonOf(e.operand);
  }
}
