// Source positions: node offsets kept out of sight (so trees stay plain data) and offset → line:column.

/**
 * A non-enumerable symbol property: invisible to JSON, spreading and deep equality, so a parsed tree equals
 * one built by hand, yet far cheaper than a WeakMap entry per node.
 */
const OFFSET = Symbol('pattern.offset');

export function setOffset(node: object, offset: number): void {
  Object.defineProperty(node, OFFSET, { value: offset });
}

/** Where `node` starts in the text it was parsed from, or undefined for a node built by hand. */
export function offsetOf(node: object): number | undefined {
  return (node as { [OFFSET]?: number })[OFFSET];
}

export interface LineColumn {
  line: number;
  column: number;
}

/** 1-based line and column (in characters) of `offset`; CR, LF and CRLF each end a line. */
export function lineColumn(source: string, offset: number): LineColumn {
  let line = 1;
  let column = 1;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else if (c === 13) {
      // The LF that follows ends the line.
    } else if (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(source.charCodeAt(i - 1))) {
      // Second half of a surrogate pair: same character.
    } else {
      column++;
    }
  }
  return { line, column };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * Line starts (and, if the text has any, surrogate pairs) counted once, so each of many diagnostics on a long
 * pattern costs O(log n) rather than a scan from the start of its line.
 */
export class LineIndex {
  private starts: number[] | undefined;
  /** pairs[i]: surrogate pairs wholly before offset i; undefined when the text has none. */
  private pairs: Int32Array | undefined | null;

  constructor(private readonly source: string) {}

  at(offset: number): LineColumn {
    const starts = (this.starts ??= lineStarts(this.source));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo]!;
    if (this.pairs === undefined) this.pairs = pairCounts(this.source);
    const pairs = this.pairs ? this.pairs[offset]! - this.pairs[lineStart]! : 0;
    return { line: lo + 1, column: offset - lineStart - pairs + 1 };
  }
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && source.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function pairCounts(source: string): Int32Array | null {
  if (!/[\ud800-\udbff][\udc00-\udfff]/.test(source)) return null;
  const counts = new Int32Array(source.length + 1);
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(source.charCodeAt(i - 1))) n++;
    counts[i + 1] = n;
  }
  return counts;
}
