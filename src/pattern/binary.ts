// Decoding of hex and base64 constants and properties into octets (sections 9.2 and 9.6.3–9.6.4).

const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isValidHex(text: string): boolean {
  return HEX.test(text);
}

/** Line feeds inside base64 "MUST be supported and ignored" (section 9.2). */
export function isValidBase64(text: string): boolean {
  return BASE64.test(stripLineBreaks(text));
}

export function decodeHex(text: string): Uint8Array | undefined {
  if (!isValidHex(text)) return undefined;
  return new Uint8Array(Buffer.from(text, 'hex'));
}

export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = stripLineBreaks(text);
  if (!BASE64.test(clean)) return undefined;
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

/** A string as octets when every code point is below U+0100 (section 9.6.4); undefined otherwise. */
export function stringToOctets(s: string): Uint8Array | undefined {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return undefined;
    out[i] = c;
  }
  return out;
}

/** Unsigned octet order; a longer value that starts with the shorter one is greater (section 9.6.3). */
export function compareOctets(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Octets as the string of code points U+0000–U+00FF, so text matchers can run over binary data. */
export function octetsToLatin1(octets: Uint8Array): string {
  let s = '';
  for (let i = 0; i < octets.length; i += 8192) s += String.fromCharCode(...octets.subarray(i, i + 8192));
  return s;
}

function stripLineBreaks(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.replace(/[\r\n]/g, '') : text;
}
