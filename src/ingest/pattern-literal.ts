// Quotes values for STIX patterns (STIX 2.1 §9): string literals and the regular expressions MATCHES takes.

/** A STIX pattern string literal: single-quoted, with `\` and `'` escaped by a backslash (§9.2, "Constants"). */
export function patternLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Escapes every regular-expression metacharacter so `MATCHES` matches `text` literally (PCRE syntax, §9.6). */
export function regexEscape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
