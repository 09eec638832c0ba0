// Comparing an SCO property value with a pattern constant (sections 9.2, 9.6.2–9.6.4).
import { assertNever, type Constant } from '../ast.ts';
import { compareOctets, decodeBase64, decodeHex, stringToOctets } from '../binary.ts';
import { compareInstants, parseTimestamp, type Instant } from '../timestamp.ts';

/** How a property stores octets, judged by its name as section 9.6.4 does (`_bin` base64, `_hex` hex). */
export type Encoding = 'bin' | 'hex' | undefined;

export function encodingOf(propertyName: string | undefined): Encoding {
  if (propertyName === undefined) return undefined;
  if (propertyName.endsWith('_bin')) return 'bin';
  if (propertyName.endsWith('_hex')) return 'hex';
  return undefined;
}

/** A constant prepared once so each comparison does no parsing. */
export type Prepared =
  | { kind: 'string'; value: string; octets: Uint8Array | undefined }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'octets'; value: Uint8Array }
  | { kind: 'timestamp'; value: Instant };

/** Undefined only for a malformed constant, which the validator rejects before matching. */
export function prepare(c: Constant): Prepared | undefined {
  switch (c.kind) {
    case 'string':
      return { kind: 'string', value: c.value, octets: stringToOctets(c.value) };
    case 'integer':
    case 'float':
      return { kind: 'number', value: c.value };
    case 'boolean':
      return { kind: 'boolean', value: c.value };
    case 'hex': {
      const value = decodeHex(c.text);
      return value && { kind: 'octets', value };
    }
    case 'binary': {
      const value = decodeBase64(c.text);
      return value && { kind: 'octets', value };
    }
    case 'timestamp': {
      const value = parseTimestamp(c.text);
      return value && { kind: 'timestamp', value };
    }
    default:
      return assertNever(c);
  }
}

/** The property's octets, if it is binary-encoded and decodes. */
export function propertyOctets(value: unknown, encoding: Encoding): Uint8Array | undefined {
  if (typeof value !== 'string') return undefined;
  if (encoding === 'bin') return decodeBase64(value);
  if (encoding === 'hex') return decodeHex(value);
  return undefined;
}

/**
 * Sign of (property − constant), or undefined when the two are of incompatible types (section 9.6.1: then
 * every operator but != is false).
 */
export function compareValue(value: unknown, encoding: Encoding, c: Prepared): number | undefined {
  switch (c.kind) {
    case 'string':
      if (encoding) {
        const octets = propertyOctets(value, encoding);
        return octets && c.octets ? compareOctets(octets, c.octets) : undefined;
      }
      return typeof value === 'string' ? compareCodePoints(value, c.value) : undefined;
    case 'number':
      return typeof value === 'number' ? Math.sign(value - c.value) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? (value === c.value ? 0 : value ? 1 : -1) : undefined;
    case 'octets': {
      const octets = encoding ? propertyOctets(value, encoding) : typeof value === 'string' ? stringToOctets(value) : undefined;
      return octets ? compareOctets(octets, c.value) : undefined;
    }
    case 'timestamp': {
      const instant = typeof value === 'string' ? parseTimestamp(value) : undefined;
      return instant ? compareInstants(instant, c.value) : undefined;
    }
    default:
      return assertNever(c);
  }
}

/** Code-point order (section 9.6.2); JavaScript's `<` compares UTF-16 units, which misorders astral characters. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) < rank(y) ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

// Surrogates (astral code points) sort above U+E000–U+FFFF; the rest keep their order.
function rank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** NFC form, skipping the work for text that cannot change (no code unit at or above U+0300). */
export function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x300) return s.normalize('NFC');
  return s;
}
