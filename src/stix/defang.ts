// Re-fangs de-fanged indicator values (`1[.]2[.]3[.]4`, `hxxp://`) and de-fangs values for display.

// Bracketed or parenthesised dots, colons, at-signs and slashes, plus the spelled-out forms advisories use.
const REFANG_RULES: readonly [RegExp, string][] = [
  [/\[:\/\/\]/g, '://'],
  [/\[\s*\.\s*\]|\(\s*\.\s*\)|\{\s*\.\s*\}|\[dot\]|\(dot\)/gi, '.'],
  [/\[\s*:\s*\]|\(\s*:\s*\)/g, ':'],
  [/\[\s*@\s*\]|\(\s*@\s*\)|\[at\]|\(at\)/gi, '@'],
  [/\[\s*\/\s*\]/g, '/'],
];

// Scheme de-fanging (`hxxp`, `hXXps`, `h**p`, `fxp`) is undone only at the start, where a scheme can be.
const SCHEME_RULES: readonly [RegExp, string][] = [
  [/^hxxp(s?)(?=:\/\/|\[:\]\/\/|\[:\/\/\])/i, 'http$1'],
  [/^h\*\*p(s?)(?=:\/\/|\[:\]\/\/|\[:\/\/\])/i, 'http$1'],
  [/^fxp(s?)(?=:\/\/|\[:\]\/\/|\[:\/\/\])/i, 'ftp$1'],
];

/** Undoes the usual de-fanging conventions; a value that was not de-fanged comes back unchanged. */
export function refang(value: string): string {
  let out = value.trim();
  for (const [re, replacement] of SCHEME_RULES) out = out.replace(re, replacement);
  for (const [re, replacement] of REFANG_RULES) out = out.replace(re, replacement);
  return out;
}

/** True when `value` carries any de-fanging marker that `refang` would undo. */
export function isDefanged(value: string): boolean {
  return refang(value) !== value.trim();
}

/** De-fangs a value for safe display: `http` → `hxxp`, every dot in the host part → `[.]`. */
export function defang(value: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
  if (scheme === null) return value.replace(/\./g, '[.]');
  const rest = value.slice(scheme[0].length);
  const slash = rest.indexOf('/');
  const host = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash);
  const defangedScheme = scheme[1]!.replace(/^http/i, (m) => (m === 'HTTP' ? 'HXXP' : 'hxxp'));
  return `${defangedScheme}[:]//${host.replace(/\./g, '[.]')}${path}`;
}
