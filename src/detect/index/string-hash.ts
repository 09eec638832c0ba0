// A 32-bit hash of part of a string, computed in JavaScript so that a word inside a text is hashed in place.

/** FNV-1a over the UTF-16 code units of `s.slice(start, end)`, with a final avalanche so the low bits are usable. */
export function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
