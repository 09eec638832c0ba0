// LIKE (section 9.6.1): SQL wildcards `%` (any run) and `_` (one character), run as a linear-time RE2 match.
import { RE2JS } from 're2js';

export function compileLike(pattern: string): RE2JS {
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
