// A binary prefix trie of CIDR blocks: every block containing an address is found in one walk of its bits.
import { parseCidr, type Cidr } from '../../pattern/cidr.ts';

interface TrieNode<T> {
  zero: TrieNode<T> | undefined;
  one: TrieNode<T> | undefined;
  entries: T[] | undefined;
}

const node = <T>(): TrieNode<T> => ({ zero: undefined, one: undefined, entries: undefined });

export class CidrTrie<T> {
  private readonly v4 = node<T>();
  private readonly v6 = node<T>();
  size = 0;

  insert(block: Cidr, entry: T): void {
    let n = block.family === 4 ? this.v4 : this.v6;
    if (block.family === 4) {
      // 32 bits fit a number: no BigInt shift per bit.
      const v4 = Number(block.address);
      for (let i = 0; i < block.prefix; i++) n = (v4 >>> (31 - i)) & 1 ? (n.one ??= node<T>()) : (n.zero ??= node<T>());
    } else {
      for (let i = 0; i < block.prefix; i++) {
        const bit = (block.address >> BigInt(127 - i)) & 1n;
        if (bit === 1n) n = n.one ??= node<T>();
        else n = n.zero ??= node<T>();
      }
    }
    (n.entries ??= []).push(entry);
    this.size++;
  }

  /**
   * Calls `found` with the entries of every block that contains `text` (an address or a block: section 9.6.1
   * ISSUBSET holds when the value's block lies inside the constant's).
   */
  containing(text: string, found: (entry: T) => void): void {
    const v4 = fastIpv4(text);
    if (v4 !== undefined) {
      let n: TrieNode<T> | undefined = this.v4;
      for (let i = 0; n !== undefined; i++) {
        if (n.entries) for (const e of n.entries) found(e);
        if (i === 32) break;
        n = (v4 >>> (31 - i)) & 1 ? n.one : n.zero;
      }
      return;
    }
    const c = parseCidr(text);
    if (!c) return;
    const width = c.family === 4 ? 32 : 128;
    let n: TrieNode<T> | undefined = c.family === 4 ? this.v4 : this.v6;
    for (let i = 0; n !== undefined; i++) {
      if (n.entries) for (const e of n.entries) found(e);
      if (i === c.prefix) break;
      n = (c.address >> BigInt(width - 1 - i)) & 1n ? n.one : n.zero;
    }
  }
}

/** A plain dotted quad as an unsigned 32-bit number, without the regular expressions of the general parser. */
function fastIpv4(s: string): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return undefined; // a leading zero: the general parser rejects it
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + part;
}
