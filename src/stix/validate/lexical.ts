// Hand-written, linear-time scanners for the lexical forms of §2 (identifier, timestamp, hex, base64, names).

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isAlpha(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Character classes for the scanners, indexed by char code (codes >= 128 read as undefined: no class). */
const HEX_DIGIT = 1;
const TYPE_CHAR = 2; // a-z, 0-9, hyphen
const HYPHEN = 4;
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = HEX_DIGIT | TYPE_CHAR;
for (let c = 97; c <= 122; c++) CLASS[c] = TYPE_CHAR | (c <= 102 ? HEX_DIGIT : 0);
for (let c = 65; c <= 70; c++) CLASS[c] = HEX_DIGIT;
CLASS[45] = TYPE_CHAR | HYPHEN;

/** The class each of the 36 characters of an 8-4-4-4-12 UUID must have. */
const UUID_SHAPE = new Uint8Array(36).fill(HEX_DIGIT);
UUID_SHAPE[8] = UUID_SHAPE[13] = UUID_SHAPE[18] = UUID_SHAPE[23] = HYPHEN;

/** Checks an RFC 4122 UUID in its 8-4-4-4-12 form starting at `start`; returns its version digit or -1. */
export function uuidVersionAt(s: string, start: number): number {
  if (s.length - start !== 36) return -1;
  for (let i = 0; i < 36; i++) {
    if ((CLASS[s.charCodeAt(start + i)]! & UUID_SHAPE[i]!) === 0) return -1;
  }
  const variant = s.charCodeAt(start + 19) | 0x20;
  if (variant !== 56 && variant !== 57 && variant !== 97 && variant !== 98) return -1; // 8 9 a b
  const version = s.charCodeAt(start + 14) - 48;
  return version >= 1 && version <= 8 ? version : -1;
}

/**
 * Splits an identifier `type--UUID`: returns the index of the `--` separator, or -1 when the string is not
 * an identifier (type part of a-z, 0-9 and hyphens starting with a letter; RFC 4122 UUID part).
 */
export function identifierSeparator(s: string): number {
  const sep = s.length - 38;
  if (sep < 1 || s.charCodeAt(sep) !== 45 || s.charCodeAt(sep + 1) !== 45) return -1;
  if (!isLower(s.charCodeAt(0))) return -1;
  for (let i = 1; i < sep; i++) if ((CLASS[s.charCodeAt(i)]! & TYPE_CHAR) === 0) return -1;
  return uuidVersionAt(s, sep + 2) < 0 ? -1 : sep;
}

/**
 * The UUID version of `s` when it is exactly `type--UUID` for the given type, else -1. Cheaper than
 * identifierSeparator when the expected type is known: the type part is compared, not scanned.
 */
export function typedIdVersion(s: string, type: string): number {
  const sep = type.length;
  if (s.length !== sep + 38 || s.charCodeAt(sep) !== 45 || s.charCodeAt(sep + 1) !== 45 || !s.startsWith(type)) return -1;
  return uuidVersionAt(s, sep + 2);
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Checks a §2.16 timestamp `YYYY-MM-DDTHH:mm:ss[.s+]Z`; returns the number of fractional-second digits,
 * or -1 when the string is not such a timestamp (including impossible dates and non-UTC offsets).
 */
export function timestampFraction(s: string): number {
  const n = s.length;
  if (n < 20 || s.charCodeAt(n - 1) !== 90) return -1; // Z
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84
    || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return -1;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
    || second < 0 || second > 60) return -1;
  const year = hi * 100 + lo;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > DAYS[month - 1]! || (month === 2 && day === 29 && !leap)) return -1;
  if (n === 20) return 0;
  if (s.charCodeAt(19) !== 46 || n === 21) return -1; // "." then at least one digit
  for (let i = 20; i < n - 1; i++) if (!isDigit(s.charCodeAt(i))) return -1;
  return n - 21;
}

/** Orders two valid timestamps (negative, zero, positive), treating fractional digits of any length exactly. */
export function compareTimestamps(a: string, b: string): number {
  for (let i = 0; i < 19; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  const fa = a.length > 20 ? 20 : a.length - 1;
  const fb = b.length > 20 ? 20 : b.length - 1;
  const la = a.length - 1 - fa;
  const lb = b.length - 1 - fb;
  const len = la > lb ? la : lb;
  for (let i = 0; i < len; i++) {
    const ca = i < la ? a.charCodeAt(fa + i) : 48;
    const cb = i < lb ? b.charCodeAt(fb + i) : 48;
    if (ca !== cb) return ca - cb;
  }
  return 0;
}

/** §2.8: an even number of lowercase hexadecimal digits. */
export function isHexString(s: string): boolean {
  if (s.length % 2 !== 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** Hex digits of either case, exactly `len` of them (hash values). */
export function isHexOfLength(s: string, len: number): boolean {
  if (s.length !== len) return false;
  for (let i = 0; i < len; i++) if (!isHex(s.charCodeAt(i))) return false;
  return true;
}

/** §2.1: RFC 4648 base64 with padding. */
export function isBase64(s: string): boolean {
  if (s.length % 4 !== 0) return false;
  let pad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61) {
      pad++;
      if (pad > 2) return false;
    } else if (pad > 0 || !(isAlpha(c) || isDigit(c) || c === 43 || c === 47)) return false;
  }
  return true;
}

/** §3.1/§11.1.1: property names are 3–250 characters, a lowercase letter first, then a-z, 0-9 or underscore. */
export function isPropertyName(s: string): boolean {
  if (s.length < 3 || s.length > 250 || !isLower(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isLower(c) || isDigit(c) || c === 95)) return false;
  }
  return true;
}

/**
 * §3.1/§11.2.1: type names are 3–250 characters, a lowercase letter first, then a-z, 0-9 and hyphen, never two
 * hyphens in a row (which would also make `type--UUID` identifiers ambiguous).
 */
export function isTypeName(s: string): boolean {
  if (s.length < 3 || s.length > 250 || !isLower(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 45) {
      if (s.charCodeAt(i - 1) === 45) return false;
    } else if (!(isLower(c) || isDigit(c))) return false;
  }
  return true;
}

/** §2.3: dictionary keys are at most 250 ASCII letters, digits, hyphens and underscores (minimum `min`). */
export function isDictionaryKey(s: string, min = 1): boolean {
  if (s.length < min || s.length > 250) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isAlpha(c) || isDigit(c) || c === 45 || c === 95)) return false;
  }
  return true;
}

/** RFC 5646 language tag, checked structurally: subtags of 1–8 letters/digits, the first alphabetic. */
export function isLanguageTag(s: string): boolean {
  if (s.length === 0 || s.length > 100) return false;
  let start = 0;
  let first = true;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s.charCodeAt(i) === 45) {
      const len = i - start;
      if (len < 1 || len > 8) return false;
      start = i + 1;
      first = false;
      continue;
    }
    const c = s.charCodeAt(i);
    if (first ? !isAlpha(c) : !(isAlpha(c) || isDigit(c))) return false;
  }
  return true;
}

/** §6.10: colon-delimited lowercase MAC-48 with leading zeros, e.g. `d2:fb:49:24:37:18`. */
export function isMac48(s: string): boolean {
  if (s.length !== 17) return false;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (i % 3 === 2) {
      if (c !== 58) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
