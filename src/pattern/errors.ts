// The named errors the pattern engine throws; nothing else escapes parsePattern or matchPattern.
import type { PatternDiagnostic } from './diagnostics.ts';

/** Base class: `instanceof PatternError` catches every failure the engine reports on purpose. */
export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The text is not a pattern. `message` is one sentence ending in `(line:column)`. */
export class PatternSyntaxError extends PatternError {
  constructor(
    readonly description: string,
    readonly line: number,
    readonly column: number,
    readonly offset: number,
    /** What the parser would have accepted, e.g. `a comparison operator`. */
    readonly expected: string,
    /** What it found, e.g. `']'` or `the end of the pattern`. */
    readonly found: string,
    readonly code = 'syntax-error',
  ) {
    super(`${description} (${line}:${column})`);
  }
}

/** The text is longer or nests deeper than the engine accepts (a guard against hostile input). */
export class PatternLimitError extends PatternSyntaxError {}

/** matchPattern was given a pattern that parses but breaks a rule (section 9.4: it must match nothing). */
export class PatternInvalidError extends PatternError {
  constructor(readonly diagnostics: PatternDiagnostic[]) {
    const first = diagnostics[0];
    super(first ? `${first.message} (${first.line}:${first.column})` : 'The pattern is invalid.');
  }
}

/** Matching needed more search steps than allowed: the answer is unknown, not "no match". */
export class PatternMatchLimitError extends PatternError {
  constructor(readonly steps: number) {
    super(`Matching stopped after ${steps} search steps; the pattern combines too many observations.`);
  }
}
