// A hash table from strings to values, for the index's million exact values: open addressing over typed arrays.
//
// A Map of a million strings costs a cache miss or two per insertion and lookup, and more each time it grows
// (rehashing reads every key's hash from the key). Here the hashes sit in a Uint32Array beside the keys: a
// probe for an absent value — most of what events carry — reads only that array, growing never touches a
// key, and a word inside a longer text is looked up without being sliced out of it.
import { hashRange } from './string-hash.ts';

export class StringTable<V> {
  /** The hash of the key in each slot, with 0 meaning "empty" (a hash of 0 is stored as 1). */
  private hashes = new Uint32Array(INITIAL);
  private keys: (string | undefined)[] = slots(INITIAL);
  private values: (V | undefined)[] = slots(INITIAL);
  private mask = INITIAL - 1;
  size = 0;

  get(s: string): V | undefined {
    return this.getRange(s, 0, s.length);
  }

  /** The value under `s.slice(start, end)`, without making the slice. */
  getRange(s: string, start: number, end: number): V | undefined {
    const h = stored(hashRange(s, start, end));
    const len = end - start;
    const hashes = this.hashes;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const at = hashes[i]!;
      if (at === 0) return undefined;
      if (at === h) {
        const k = this.keys[i]!;
        if (k.length === len && s.startsWith(k, start)) return this.values[i];
      }
    }
  }

  /** The value under `s`, after putting `value` there if `s` had none. */
  putIfAbsent(s: string, value: V): V {
    const h = stored(hashRange(s, 0, s.length));
    const i = this.slot(s, h);
    if (this.hashes[i] !== 0) return this.values[i]!;
    this.fill(i, h, s, value);
    return value;
  }

  set(s: string, value: V): void {
    const h = stored(hashRange(s, 0, s.length));
    const i = this.slot(s, h);
    if (this.hashes[i] !== 0) this.values[i] = value;
    else this.fill(i, h, s, value);
  }

  /** The slot holding `s`, or the empty slot where it belongs. */
  private slot(s: string, h: number): number {
    const hashes = this.hashes;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const at = hashes[i]!;
      if (at === 0 || (at === h && this.keys[i] === s)) return i;
    }
  }

  private fill(i: number, h: number, s: string, value: V): void {
    this.hashes[i] = h;
    this.keys[i] = s;
    this.values[i] = value;
    // At most three quarters full, so that probes stay short.
    if (++this.size * 4 > this.hashes.length * 3) this.grow();
  }

  /** Doubles the table, placing every entry by its stored hash. */
  private grow(): void {
    const { hashes, keys, values } = this;
    const capacity = hashes.length * 2;
    this.hashes = new Uint32Array(capacity);
    this.keys = slots(capacity);
    this.values = slots(capacity);
    this.mask = capacity - 1;
    for (let j = 0; j < hashes.length; j++) {
      const h = hashes[j]!;
      if (h === 0) continue;
      let i = h & this.mask;
      while (this.hashes[i] !== 0) i = (i + 1) & this.mask;
      this.hashes[i] = h;
      this.keys[i] = keys[j];
      this.values[i] = values[j];
    }
  }
}

const INITIAL = 16;

const stored = (h: number): number => (h === 0 ? 1 : h);

/** `n` empty slots; only slots whose hash is set are ever read. */
function slots<T>(n: number): (T | undefined)[] {
  return new Array<T | undefined>(n);
}
