// Everything indexed under one object path: exact values, CIDR blocks, tokens, and predicates tried on any value.
import { isTokenChar } from './text-tokens.ts';
import { nfc } from '../../pattern/matcher/values.ts';
import { CidrTrie } from './cidr-trie.ts';
import type { Anchor } from './anchors.ts';
import type { Leaf } from './leaf.ts';
import { StringTable } from './string-table.ts';
import { pathReader, type PathReader } from './value-path.ts';
import type { PathStep } from '../../pattern/ast.ts';

/** One leaf, or several, per value: most values name one indicator, and a bare entry costs less memory. */
type Bucket = Leaf | Leaf[];

export class PathIndex {
  readonly read: PathReader;
  /** Exact string values: most of the index, and most probes miss. */
  private readonly strings = new StringTable<Bucket>();
  /** Exact numbers and booleans (ports, flags): few distinct ones. */
  private readonly scalars = new Map<number | boolean, Bucket>();
  private trie: CidrTrie<Leaf> | undefined;
  /** Every word of every probed text is looked up here, in place; few are indexed. */
  private tokens: StringTable<Bucket> | undefined;
  private readonly any: Leaf[] = [];
  /** Token lengths present, so that words of other lengths are not even hashed. */
  private minToken = Infinity;
  private maxToken = 0;

  /** The property name when the path is that one property, read without the general walk. */
  readonly property: string | undefined;

  constructor(readonly key: string, steps: PathStep[]) {
    this.read = pathReader(steps);
    const first = steps[0];
    this.property = steps.length === 1 && first?.kind === 'property' ? first.name : undefined;
  }

  get size(): number {
    return this.strings.size + this.scalars.size + (this.trie?.size ?? 0) + (this.tokens?.size ?? 0) + this.any.length;
  }

  add(anchor: Anchor, leaf: Leaf): void {
    switch (anchor.kind) {
      case 'exact':
        if (typeof anchor.value === 'string') into(this.strings, anchor.value, leaf);
        else {
          const current = this.scalars.get(anchor.value);
          this.scalars.set(anchor.value, current === undefined ? leaf : joined(current, leaf));
        }
        break;
      case 'cidr': (this.trie ??= new CidrTrie()).insert(anchor.block, leaf); break;
      case 'token':
        into((this.tokens ??= new StringTable()), anchor.token, leaf);
        this.minToken = Math.min(this.minToken, anchor.token.length);
        this.maxToken = Math.max(this.maxToken, anchor.token.length);
        break;
      case 'path': this.any.push(leaf); break;
    }
  }

  /** How many leaves an anchor would share its bucket with. */
  bucketSize(anchor: Anchor): number {
    let b: Bucket | undefined;
    if (anchor.kind === 'exact') b = typeof anchor.value === 'string' ? this.strings.get(anchor.value) : this.scalars.get(anchor.value);
    else if (anchor.kind === 'token') b = this.tokens?.get(anchor.token);
    return b === undefined ? 0 : Array.isArray(b) ? b.length : 1;
  }

  /** Looks up each token of the value (see text-tokens.ts) whose length some indexed token has. */
  private probeTokens(s: string, tokens: StringTable<Bucket>, candidate: (leaf: Leaf) => void): void {
    let start = -1;
    for (let i = 0; i <= s.length; i++) {
      const inside = i < s.length && isTokenChar(s.charCodeAt(i));
      if (inside) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        const len = i - start;
        if (len >= this.minToken && len <= this.maxToken) {
          const hit = tokens.getRange(s, start, i);
          if (hit !== undefined) each(hit, candidate);
        }
        start = -1;
      }
    }
  }

  /** Calls `candidate` with every leaf that may match an SCO holding `value` at this path. */
  probe(value: unknown, candidate: (leaf: Leaf) => void): void {
    if (typeof value === 'string') {
      if (this.strings.size > 0) {
        const hit = this.strings.get(value);
        if (hit !== undefined) each(hit, candidate);
      }
      if (this.trie !== undefined) this.trie.containing(value, candidate);
      if (this.tokens !== undefined) this.probeTokens(nfc(value), this.tokens, candidate);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      const hit = this.scalars.get(value);
      if (hit !== undefined) each(hit, candidate);
    }
    for (const leaf of this.any) candidate(leaf);
  }
}

function into(table: StringTable<Bucket>, key: string, leaf: Leaf): void {
  const current = table.putIfAbsent(key, leaf);
  if (current !== leaf) table.set(key, joined(current, leaf));
}

function joined(current: Bucket, leaf: Leaf): Bucket {
  if (!Array.isArray(current)) return [current, leaf];
  current.push(leaf);
  return current;
}

function each(hit: Bucket, candidate: (leaf: Leaf) => void): void {
  if (Array.isArray(hit)) for (const l of hit) candidate(l);
  else candidate(hit);
}
