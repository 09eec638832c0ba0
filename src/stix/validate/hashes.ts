// §2.7 hashes: key rules, the hash-algorithm-ov names, and the value format of each known algorithm.
import { HASH_ALGORITHM } from '../types/vocab.ts';
import { childPath, isPlainObject, jsonType, show, type Context } from './context.ts';
import { isDictionaryKey, isHexOfLength } from './lexical.ts';

/** Canonical algorithm by normalised name (upper case, no `-`/`_`), so `sha256` is still format-checked. */
const CANONICAL: ReadonlyMap<string, string> = new Map([
  ['MD5', 'MD5'], ['SHA1', 'SHA-1'], ['SHA256', 'SHA-256'], ['SHA512', 'SHA-512'], ['SHA3256', 'SHA3-256'],
  ['SHA3512', 'SHA3-512'], ['SSDEEP', 'SSDEEP'], ['TLSH', 'TLSH'],
]);
const HEX_LENGTH: Readonly<Record<string, number>> = {
  MD5: 32, 'SHA-1': 40, 'SHA-256': 64, 'SHA-512': 128, 'SHA3-256': 64, 'SHA3-512': 128,
};

function normalise(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key[i]!;
    if (c !== '-' && c !== '_') out += c;
  }
  return out.toUpperCase();
}

function isBase64Char(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
}

/** ssdeep: `blocksize:hash:hash`, the hashes in base64 characters. */
function isSsdeep(s: string): boolean {
  if (s.length > 200) return false;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === 0 || s.charCodeAt(i) !== 58) return false;
  let colons = 1;
  for (i++; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) {
      if (++colons > 2) return false;
    } else if (!isBase64Char(c)) return false;
  }
  return colons === 2;
}

/** TLSH: 70 hex digits, optionally preceded by the version prefix `T1`. */
function isTlsh(s: string): boolean {
  if (s.length === 72 && (s[0] === 'T' || s[0] === 't') && s[1] === '1') return isHexOfLength(s.slice(2), 70);
  return isHexOfLength(s, 70);
}

export function hashFormatMatches(algorithm: string, value: string): boolean {
  const len = HEX_LENGTH[algorithm];
  if (len !== undefined) return isHexOfLength(value, len);
  if (algorithm === 'SSDEEP') return isSsdeep(value);
  if (algorithm === 'TLSH') return isTlsh(value);
  return true;
}

function formatName(algorithm: string): string {
  const len = HEX_LENGTH[algorithm];
  if (len !== undefined) return `${len} hexadecimal digits`;
  return algorithm === 'SSDEEP' ? 'blocksize:hash:hash' : '70 hexadecimal digits, optionally prefixed by T1';
}

export function checkHashes(value: unknown, path: string, ctx: Context, spec = '2.7'): void {
  if (!isPlainObject(value)) {
    ctx.report('property-type', path, `Expected a hashes dictionary at ${path}, got ${jsonType(value)} ${show(value)}.`, spec);
    return;
  }
  let empty = true;
  for (const key in value) {
    empty = false;
    const p = childPath(path, key);
    if (!isDictionaryKey(key, 3)) {
      ctx.report('dictionary-key', p, `Hash algorithm name ${show(key)} must be 3–250 ASCII letters, digits, hyphens or underscores.`, '2.7');
    }
    const v = value[key];
    if (typeof v !== 'string') {
      ctx.report('property-type', p, `Hash value for ${key} must be a string, got ${jsonType(v)} ${show(v)}.`, '2.7');
      continue;
    }
    const canonical = CANONICAL.get(normalise(key));
    if (!HASH_ALGORITHM.values.has(key) && !key.startsWith('x_')) {
      const hint = canonical ? ` (the vocabulary spells it ${show(canonical)})` : '';
      ctx.report('hash-algorithm-unknown', p, `Hash algorithm ${show(key)} is not in hash-algorithm-ov${hint}.`, '10.7');
    }
    if (canonical !== undefined && !hashFormatMatches(canonical, v)) {
      ctx.report('hash-value', p, `${key} hash ${show(v)} is not a valid ${canonical} value (expected ${formatName(canonical)}).`, '2.7');
    }
  }
  if (empty) ctx.report('empty-dictionary', path, `The hashes dictionary at ${path} is empty; omit it instead.`, '2.7');
}
