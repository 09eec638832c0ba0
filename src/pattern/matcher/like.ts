// LIKE (section 9.6.1): SQL wildcards `%` (any run) and `_` (one character), always in linear time.
import { RE2JS } from 're2js';

export interface TextTest {
  test(input: string): boolean;
}

/**
 * A pattern with only `%` wildcards (the common case: prefixes, suffixes, substrings) is matched with string
 * searches; one with `_` becomes an anchored RE2 expression, whose `.` counts code points as `_` must.
 */
export function compileLike(pattern: string): TextTest {
  if (!pattern.includes('_')) return percentOnly(pattern.split('%'));
  let regex = '^';
  let literal = '';
  for (const ch of pattern) {
    if (ch === '%' || ch === '_') {
      if (literal) regex += RE2JS.quote(literal);
      literal = '';
      regex += ch === '%' ? '.*' : '.';
    } else {
      literal += ch;
    }
  }
  if (literal) regex += RE2JS.quote(literal);
  return RE2JS.compile(`${regex}$`, RE2JS.DOTALL);
}

/** Segments between `%`s: the first must start the text, the last end it, the rest appear in order between. */
function percentOnly(segments: string[]): TextTest {
  const first = segments[0]!;
  if (segments.length === 1) return { test: (s) => s === first };
  const last = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1).filter((m) => m !== '');
  const fixed = first.length + last.length;
  return {
    test(s) {
      if (s.length < fixed || !s.startsWith(first) || !s.endsWith(last)) return false;
      // Leftmost matches leave the most room for what follows, so greedy search is exact here.
      let at = first.length;
      const end = s.length - last.length;
      for (const m of middle) {
        const found = s.indexOf(m, at);
        if (found < 0 || found + m.length > end) return false;
        at = found + m.length;
      }
      return true;
    },
  };
}
