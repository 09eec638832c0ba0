// Everything indexed under one object path: exact values, CIDR blocks, tokens, and predicates tried on any value.
import { isTokenChar } from './text-tokens.ts';
import { nfc } from '../../pattern/matcher/values.ts';
import { BloomFilter } from './bloom-filter.ts';
import { CidrTrie } from './cidr-trie.ts';
import type { Anchor, ExactValue } from './anchors.ts';
import type { Leaf } from './leaf.ts';
import { pathReader, type PathReader } from './value-path.ts';
import type { PathStep } from '../../pattern/ast.ts';

export class PathIndex {
  readonly read: PathReader;
  /** One leaf, or several, per value: most values name one indicator, and a bare entry costs less memory. */
  private readonly exact = new Map<ExactValue, Leaf | Leaf[]>();
  /** In front of a large exact map: rebuilt each time the map outgrows it. */
  private bloom: BloomFilter | undefined;
  /** Always in front of the token map: every word of every probed text is checked, few are indexed. */
  private tokenBloom: BloomFilter | undefined;
  private trie: CidrTrie<Leaf> | undefined;
  private tokens: Map<string, Leaf | Leaf[]> | undefined;
  private readonly any: Leaf[] = [];

  /** The property name when the path is that one property, read without the general walk. */
  readonly property: string | undefined;

  constructor(readonly key: string, steps: PathStep[]) {
    this.read = pathReader(steps);
    const first = steps[0];
    this.property = steps.length === 1 && first?.kind === 'property' ? first.name : undefined;
  }

  get size(): number {
    return this.exact.size + (this.trie?.size ?? 0) + (this.tokens?.size ?? 0) + this.any.length;
  }

  add(anchor: Anchor, leaf: Leaf): void {
    switch (anchor.kind) {
      case 'exact': {
        const value = anchor.value;
        // Most values are new: when the filter says so, the map is written without first missing a lookup.
        if (this.bloom !== undefined && typeof value === 'string' && !this.bloom.add(value)) this.exact.set(value, leaf);
        else push(this.exact, value, leaf);
        if (this.exact.size >= (this.bloom?.capacity ?? BLOOM_FROM)) this.rebuildBloom();
        break;
      }
      case 'cidr': (this.trie ??= new CidrTrie()).insert(anchor.block, leaf); break;
      case 'token':
        push((this.tokens ??= new Map()), anchor.token, leaf);
        if (this.tokens.size >= (this.tokenBloom?.capacity ?? 0)) this.tokenBloom = rebuild(this.tokens, this.tokens.size * 2);
        else this.tokenBloom!.add(anchor.token);
        this.minToken = Math.min(this.minToken, anchor.token.length);
        this.maxToken = Math.max(this.maxToken, anchor.token.length);
        break;
      case 'path': this.any.push(leaf); break;
    }
  }

  /** How many leaves an anchor would share its bucket with. */
  bucketSize(anchor: Anchor): number {
    const b = anchor.kind === 'exact' ? this.exact.get(anchor.value) : anchor.kind === 'token' ? this.tokens?.get(anchor.token) : undefined;
    return b === undefined ? 0 : Array.isArray(b) ? b.length : 1;
  }

  /** Sized for four times the values held, so that a map growing to a million rebuilds it only a few times. */
  private rebuildBloom(): void {
    this.bloom = rebuild(this.exact, this.exact.size * 4);
  }

  /** Token lengths present, so that tokens of other lengths are not even looked up. */
  private minToken = Infinity;
  private maxToken = 0;

  /** Looks up each token of the value (see text-tokens.ts) whose length some indexed token has. */
  private probeTokens(s: string, tokens: Map<string, Leaf | Leaf[]>, candidate: (leaf: Leaf) => void): void {
    let start = -1;
    for (let i = 0; i <= s.length; i++) {
      const inside = i < s.length && isTokenChar(s.charCodeAt(i));
      if (inside) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        const len = i - start;
        if (len >= this.minToken && len <= this.maxToken && this.tokenBloom!.mayHaveRange(s, start, i)) {
          const hit = tokens.get(s.slice(start, i));
          if (hit !== undefined) each(hit, candidate);
        }
        start = -1;
      }
    }
  }

  /** Calls `candidate` with every leaf that may match an SCO holding `value` at this path. */
  probe(value: unknown, candidate: (leaf: Leaf) => void): void {
    if (typeof value === 'string') {
      if (this.bloom === undefined || this.bloom.mayHave(value)) {
        const hit = this.exact.get(value);
        if (hit !== undefined) each(hit, candidate);
      }
      if (this.trie !== undefined) this.trie.containing(value, candidate);
      if (this.tokens !== undefined) this.probeTokens(nfc(value), this.tokens, candidate);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      const hit = this.exact.get(value);
      if (hit !== undefined) each(hit, candidate);
    }
    for (const leaf of this.any) candidate(leaf);
  }
}

/** Below this many exact values the map itself stays in cache and needs no filter. */
const BLOOM_FROM = 4096;

function rebuild(map: Map<unknown, unknown>, capacity: number): BloomFilter {
  const bloom = new BloomFilter(capacity);
  for (const k of map.keys()) if (typeof k === 'string') bloom.add(k);
  return bloom;
}

function push<K>(map: Map<K, Leaf | Leaf[]>, key: K, leaf: Leaf): void {
  const current = map.get(key);
  if (current === undefined) map.set(key, leaf);
  else if (Array.isArray(current)) current.push(leaf);
  else map.set(key, [current, leaf]);
}

function each(hit: Leaf | Leaf[], candidate: (leaf: Leaf) => void): void {
  if (Array.isArray(hit)) for (const l of hit) candidate(l);
  else candidate(hit);
}
