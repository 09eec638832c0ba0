// validatePattern: the never-throwing check the STIX validator runs on every indicator's pattern.
import { diagnostic, DIAGNOSTIC_CATALOG, type DiagnosticCode, type PatternDiagnostic } from './diagnostics.ts';
import { PatternSyntaxError } from './errors.ts';
import type { PatternLimits } from './limits.ts';
import { parsePattern } from './parser.ts';
import { checkPattern } from './validator.ts';

/**
 * Every problem with `source` as a STIX 2.1 pattern; an empty array means valid. Never throws: syntax and
 * limit errors come back as one diagnostic (the first), semantic problems all together, in reading order.
 */
export function validatePattern(source: string, limits?: Partial<PatternLimits>): PatternDiagnostic[] {
  if (typeof source !== 'string') {
    return [diagnostic('syntax-error', `A pattern must be a string, not ${source === null ? 'null' : typeof source}`, 1, 1)];
  }
  try {
    // Most patterns are valid: check them without recording positions, and pay for positions only when
    // there is something to report.
    const quick = checkPattern(parsePattern(source, { ...limits, positions: false }), source);
    return quick.length === 0 ? quick : checkPattern(parsePattern(source, limits), source);
  } catch (err) {
    if (err instanceof PatternSyntaxError) {
      const code = Object.hasOwn(DIAGNOSTIC_CATALOG, err.code) ? (err.code as DiagnosticCode) : 'syntax-error';
      return [diagnostic(code, err.description, err.line, err.column)];
    }
    // A bug in the engine must not abort an import; report it as a diagnostic instead.
    const message = err instanceof Error ? err.message : String(err);
    return [diagnostic('internal-error', `The pattern could not be checked: ${message}`, 1, 1)];
  }
}
