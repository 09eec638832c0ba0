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

  add(s: string): void {
    const h = hash(s, 0, s.length);
    const a = h & this.mask;
    const b = (Math.imul(h, 0x9e3779b1) >>> 7) & this.mask;
    this.bits[a >>> 5]! |= 1 << (a & 31);
    this.bits[b >>> 5]! |= 1 << (b & 31);
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
