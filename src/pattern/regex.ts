// MATCHES regular expressions, compiled with re2js: linear-time matching, so a partner's regex cannot hang Tocsin.
//
// The spec asks for PCRE syntax (section 9.6.1). RE2 cannot express these PCRE features, and a pattern using
// them is rejected with `invalid-regex`:
//   - backreferences (\1, \k<name>) and recursion ((?R), (?1))
//   - lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…))
//   - atomic groups ((?>…)) and possessive quantifiers (a*+, a++, a?+)
//   - conditionals ((?(1)…|…)), callouts, \G, \K, \R, \X, \C, and \Z (use \z or $)
//   - inline option changes other than i, m, s, U
// Search semantics and DOTALL are applied as section 9.6.1 requires.
import { RE2JS } from 're2js';

export type CompiledRegex = { ok: true; regex: RE2JS } | { ok: false; reason: string };

const UNSUPPORTED: ReadonlyArray<[RegExp, string]> = [
  [/\(\?<?[=!]/, 'lookahead and lookbehind assertions'],
  [/\(\?>/, 'atomic groups'],
  [/\\[1-9]|\\k[<{']/, 'backreferences'],
  [/\(\?(?:R|[+-]?\d)\)/, 'recursion'],
  [/\(\?\(/, 'conditional groups'],
  [/[*+?}]\+/, 'possessive quantifiers'],
  [/\\[GKRXCZ]/, 'the escapes \\G, \\K, \\R, \\X, \\C and \\Z'],
];

const cache = new Map<string, CompiledRegex>();
const CACHE_SIZE = 2048;

export function compileRegex(source: string): CompiledRegex {
  let compiled = cache.get(source);
  if (compiled) return compiled;
  compiled = compile(source);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(source, compiled);
  return compiled;
}

function compile(source: string): CompiledRegex {
  try {
    return { ok: true, regex: RE2JS.compile(source, RE2JS.DOTALL) };
  } catch (err) {
    const unsupported = UNSUPPORTED.find(([probe]) => probe.test(stripEscapedBackslashes(source)));
    if (unsupported) {
      return { ok: false, reason: `it uses ${unsupported[1]}, a PCRE feature the linear-time regex engine does not have` };
    }
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: `it is not a valid regular expression (${detail})` };
  }
}

/** `\\` is a literal backslash; removing those pairs keeps the probes from misreading `\\1` as a backreference. */
function stripEscapedBackslashes(source: string): string {
  return source.replace(/\\\\/g, '');
}
