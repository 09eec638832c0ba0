// The reserved words of the pattern language; they are case-sensitive (upper case, and lower-case true/false).

export const KEYWORDS: ReadonlySet<string> = new Set([
  'AND',
  'OR',
  'NOT',
  'FOLLOWEDBY',
  'LIKE',
  'MATCHES',
  'ISSUBSET',
  'ISSUPERSET',
  'EXISTS',
  'IN',
  'START',
  'STOP',
  'SECONDS',
  'WITHIN',
  'REPEATS',
  'TIMES',
  'LAST',
  'true',
  'false',
]);

/** The keyword `word` was probably meant as, if it differs from one only by letter case. */
export function keywordIgnoringCase(word: string): string | undefined {
  const upper = word.toUpperCase();
  if (KEYWORDS.has(upper) && upper !== word) return upper;
  const lower = word.toLowerCase();
  if ((lower === 'true' || lower === 'false') && lower !== word) return lower;
  return undefined;
}
