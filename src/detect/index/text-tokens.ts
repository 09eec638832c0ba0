// Word tokens a LIKE or MATCHES pattern requires, so only values containing them are tested.
//
// A token is a maximal run of ASCII letters and digits. If a pattern can only match text in which some token
// appears whole (bounded by non-token characters or the ends of the text), the values to test are those whose
// token list contains it: one hash lookup per token of the value instead of one test per pattern.

export const isTokenChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Whole tokens of a literal run: those bounded inside the run by non-token characters, or by a run edge that
 * is also the edge of the text (`anchoredStart`/`anchoredEnd`).
 */
function wholeTokens(run: string, anchoredStart: boolean, anchoredEnd: boolean, out: string[]): void {
  let start = -1;
  for (let i = 0; i <= run.length; i++) {
    const inside = i < run.length && isTokenChar(run.charCodeAt(i));
    if (inside && start < 0) start = i;
    else if (!inside && start >= 0) {
      if ((start > 0 || anchoredStart) && (i < run.length || anchoredEnd)) out.push(run.slice(start, i));
      start = -1;
    }
  }
}

/** Tokens every text LIKE `pattern` matches must contain (after NFC, as LIKE compares). */
export function likeTokens(pattern: string): string[] {
  const out: string[] = [];
  const runs = pattern.split(/[%_]/);
  runs.forEach((run, i) => wholeTokens(run, i === 0, i === runs.length - 1, out));
  return out;
}

/**
 * Tokens every text a regular expression matches must contain, from the literal runs outside groups and
 * classes; none for expressions with alternation or inline flags (which could make a literal optional or
 * case-blind).
 */
export function regexTokens(source: string): string[] {
  if (source.includes('|') || source.includes('(?')) return [];
  const out: string[] = [];
  let run = '';
  let runAnchored = false;
  let depth = 0;
  const flush = (anchoredEnd: boolean): void => {
    if (run !== '') wholeTokens(run, runAnchored, anchoredEnd, out);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (depth > 0) {
      if (ch === '\\') i++;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
      continue;
    }
    let literal: string | undefined;
    if (ch === '\\') {
      if (next === undefined) return [];
      i++;
      if (isTokenChar(next.charCodeAt(0))) {
        // Escapes that spell a character (\x41, \101, \Q…\E, \p{…}) could hide a token: find none at all.
        if (!'dDwWsSbBAz'.includes(next)) return [];
        flush(false);
        runAnchored = false;
        continue;
      }
      literal = next;
    } else if (!'.[]()*+?{}^$'.includes(ch)) {
      literal = ch;
    } else if (ch === '^' && i === 0) {
      runAnchored = true;
      continue;
    } else if (ch === '[') {
      flush(false);
      // Skip the class; `]` right after `[` or `[^` is a literal member.
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j;
      runAnchored = false;
      continue;
    } else if (ch === '(') {
      flush(false);
      depth = 1;
      runAnchored = false;
      continue;
    } else if (ch === '$' && i === source.length - 1) {
      flush(true);
      continue;
    } else {
      flush(false);
      runAnchored = false;
      // A quantifier may remove the character before it, which was already cut from the run by the check below.
      continue;
    }
    const after = source[i + 1];
    if (after === '*' || after === '?' || after === '{') {
      // The character may be absent or repeated: it ends the run and is not part of it.
      flush(false);
      runAnchored = false;
      continue;
    }
    if (after === '+') {
      run += literal;
      flush(false);
      runAnchored = false;
      continue;
    }
    run += literal;
  }
  flush(false);
  return out;
}
