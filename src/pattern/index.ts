// The pattern engine's public surface: parse, print, validate and match STIX 2.1 patterns.
export type * from './ast.ts';
export type { PatternDiagnostic, PatternSeverity } from './diagnostics.ts';
export { DIAGNOSTIC_CATALOG, hasErrors } from './diagnostics.ts';
export {
  PatternError,
  PatternSyntaxError,
  PatternLimitError,
  PatternInvalidError,
  PatternMatchLimitError,
} from './errors.ts';
export { DEFAULT_LIMITS, type PatternLimits } from './limits.ts';
export { parsePattern } from './parser.ts';
export { printPattern } from './printer.ts';
export { checkPattern } from './validator.ts';
export { validatePattern } from './validate-pattern.ts';
export { matchPattern, type MatchOptions, type MatchResult } from './matcher/match-pattern.ts';
export type { SkippedObservedData } from './matcher/observations.ts';
