// A Bloom filter over the strings of a large hash map: most probed values are not in it, and two bit tests in a
// compact array cost less than a lookup that wanders through a map of a million entries.

export class BloomFilter {
  private bits: Uint32Array;
  private mask: number;

  /** Sized for `capacity` strings at 16 bits each (about 1.4% false positives with two probes). */
  constructor(readonly capacity: number) {
    let size = 1024;
    while (size < capacity * 16) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  /** Adds `s`; returns false only when it was never added before (so a map lookup for it would miss). */
  add(s: string): boolean {
    const h = hash(s, 0, s.length);
    const a = h & this.mask;
    const b = (Math.imul(h, 0x9e3779b1) >>> 7) & this.mask;
    const wa = a >>> 5;
    const wb = b >>> 5;
    const seen = (this.bits[wa]! & (1 << (a & 31))) !== 0 && (this.bits[wb]! & (1 << (b & 31))) !== 0;
    this.bits[wa]! |= 1 << (a & 31);
    this.bits[wb]! |= 1 << (b & 31);
    return seen;
  }

  /** False only when `s` was never added. */
  mayHave(s: string): boolean {
    return this.mayHaveRange(s, 0, s.length);
  }

  /** Whether `s.slice(start, end)` may have been added, without making the slice. */
  mayHaveRange(s: string, start: number, end: number): boolean {
    const h = hash(s, start, end);
    const a = h & this.mask;
    if ((this.bits[a >>> 5]! & (1 << (a & 31))) === 0) return false;
    const b = (Math.imul(h, 0x9e3779b1) >>> 7) & this.mask;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}

/** FNV-1a over UTF-16 code units, with a final avalanche so the low bits are usable. */
function hash(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
