// Bounds on input the engine accepts, so hostile patterns fail fast instead of exhausting the stack or the CPU.

export interface PatternLimits {
  /** Longest pattern text accepted, in UTF-16 code units. */
  maxLength: number;
  /** Deepest nesting of parentheses, brackets and qualifiers. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Readonly<PatternLimits> = Object.freeze({
  // Real indicators list a few thousand hashes at most (~45 characters each).
  maxLength: 256 * 1024,
  // Real patterns nest a handful of levels; each level costs a few parser stack frames.
  maxDepth: 100,
});

/** Search steps matchPattern may take before giving up with PatternMatchLimitError. */
export const DEFAULT_MATCH_STEPS = 1_000_000;
