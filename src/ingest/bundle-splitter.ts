// Splits a JSON byte stream into the texts of its objects without parsing the whole document.
//
// A 100 MB bundle must import in bounded memory, and token-level streaming JSON parsers are several times
// slower than JSON.parse, which would break the import-speed budget. So this scanner tracks only strings,
// escapes and bracket depth to find where each element of a bundle's `objects` array (or of a top-level
// array) starts and ends, and hands each element's text to JSON.parse. It accepts a bundle, a bare array of
// objects, a single object, or several such documents one after another (JSON lines, `cat a.json b.json`).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;

export interface Element {
  text: string;
  /** The text as it was read, in UTF-8 (a view of the input chunk: copy it to keep it). */
  bytes: Buffer;
  /** 1-based line where the element starts. */
  line: number;
  /** Position in the objects array, or -1 for a single top-level object. */
  index: number;
}

export class SplitError extends Error {
  constructor(readonly reason: string, readonly line: number) {
    super(`${reason} (line ${line})`);
    this.name = 'SplitError';
  }
}

/** Bytes of one value being read, possibly spread over several chunks. */
class Capture {
  active = false;
  #parts: Buffer[] = [];
  #start = 0;

  begin(at: number): void {
    this.active = true;
    this.#parts = [];
    this.#start = at;
  }

  pause(chunk: Buffer, end: number): void {
    this.#parts.push(chunk.subarray(this.#start, end));
    this.active = false;
  }

  resume(at: number): void {
    this.active = true;
    this.#start = at;
  }

  /** Keeps the rest of a chunk that ends mid-value; the value continues at offset 0 of the next one. */
  carry(chunk: Buffer): void {
    if (!this.active) return;
    this.#parts.push(chunk.subarray(this.#start));
    this.#start = 0;
  }

  /** The value's bytes: a view of the chunk when it lies within one, else a copy of its parts. */
  finish(chunk: Buffer, end: number): Buffer {
    this.active = false;
    if (this.#parts.length === 0) return chunk.subarray(this.#start, end);
    this.#parts.push(chunk.subarray(this.#start, end));
    const bytes = Buffer.concat(this.#parts);
    this.#parts = [];
    return bytes;
  }
}

type Mode = 'start' | 'top-object' | 'top-array' | 'done';

const NO_CHUNK = Buffer.alloc(0);

export class BundleSplitter {
  /** The top-level object's members other than `objects` (a bundle's `type`, `id`, …), once read. */
  envelope: Record<string, unknown> | null = null;
  #mode: Mode = 'start';
  #depth = 0;
  #inString = false;
  #pendingBackslashes = 0;
  #line = 1;
  /** Depth at which array elements sit: 1 in a top-level array, 2 in a bundle's `objects`; -1 outside. */
  #elementDepth = -1;
  #elementLine = 1;
  #documentLine = 1;
  #index = 0;
  #expectKey = true;
  #lastKey: string | null = null;
  #sawObjects = false;
  readonly #element = new Capture();
  readonly #envelope = new Capture();
  readonly #key = new Capture();

  /** The chunk being split, and where in it splitting goes on. */
  #chunk: Buffer = NO_CHUNK;
  #at = 0;
  /** Elements completed and not yet handed out: rarely more than one. */
  readonly #ready: Element[] = [];

  /**
   * Feeds the next chunk and yields the elements completed within it, each made only when asked for: the
   * caller holds one element at a time, not a chunk's worth. Take them all before feeding the next chunk.
   */
  *elements(chunk: Buffer): Generator<Element> {
    // Feeding on would lose the rest of the chunk before, and what of its last element was captured.
    if (this.#chunk !== NO_CHUNK) throw new Error('BundleSplitter: the elements of the previous chunk were not all taken');
    this.#chunk = chunk;
    this.#at = 0;
    for (;;) {
      if (this.#ready.length === 0) this.#scan();
      const element = this.#ready.shift();
      if (element === undefined) return;
      yield element;
    }
  }

  /** Feeds the next chunk; returns the elements completed within it. */
  push(chunk: Buffer): Element[] {
    return [...this.elements(chunk)];
  }

  /** Scans the chunk on until an element is complete or the chunk is used up. */
  #scan(): void {
    const chunk = this.#chunk;
    if (chunk === NO_CHUNK) return;
    const out = this.#ready;
    const n = chunk.length;
    let i = this.#at;
    for (; i < n && out.length === 0; i++) {
      if (this.#inString) {
        i = this.#skipString(chunk, i);
        continue;
      }
      if (this.#element.active && this.#depth > this.#elementDepth) {
        i = this.#nested(chunk, i, out);
        continue;
      }
      const byte = chunk[i]!;
      switch (byte) {
        case NEWLINE:
          this.#line++;
          break;
        case 0x20: case 0x09: case 0x0d:
          break;
        case QUOTE:
          if (this.#mode === 'top-object' && this.#depth === 1 && this.#expectKey) this.#key.begin(i);
          else this.#maybeBeginElement(i);
          this.#inString = true;
          this.#pendingBackslashes = 0;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          this.#open(chunk, byte, i);
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          this.#close(chunk, i, out);
          break;
        case COMMA:
          if (this.#element.active && this.#depth === this.#elementDepth) out.push(this.#endElement(chunk, i));
          else if (this.#mode === 'top-object' && this.#depth === 1) this.#expectKey = true;
          break;
        case COLON:
          if (this.#mode === 'top-object' && this.#depth === 1) this.#expectKey = false;
          break;
        default:
          if (this.#mode === 'start' || this.#mode === 'done') {
            throw new SplitError(`unexpected ${JSON.stringify(String.fromCharCode(byte))}: expected a JSON object or array`, this.#line);
          }
          this.#maybeBeginElement(i);
      }
    }
    this.#at = i;
    if (i < n) return;
    this.#element.carry(chunk);
    this.#envelope.carry(chunk);
    this.#key.carry(chunk);
    this.#chunk = NO_CHUNK;
  }

  /** Call after the last chunk: throws when the document ended early. */
  end(): void {
    if (this.#mode === 'start') throw new SplitError('empty input: expected a STIX bundle, an array of objects or one object', this.#line);
    if (this.#mode !== 'done') {
      const where = this.#element.active && this.#elementDepth > 0
        ? `object ${this.#index} starting on line ${this.#elementLine} is not closed`
        : 'the document is not closed';
      throw new SplitError(`unexpected end of input: ${where}`, this.#line);
    }
  }

  /** Returns the index of the string's closing quote, or the chunk's last index when it continues. */
  #skipString(chunk: Buffer, from: number): number {
    // Most bundle bytes are inside strings: jump from quote to quote instead of looking at every byte.
    let at = from;
    for (;;) {
      const quote = chunk.indexOf(QUOTE, at);
      if (quote === -1) {
        const run = backslashRun(chunk, chunk.length, from);
        this.#pendingBackslashes = run === chunk.length - from && from === 0 ? this.#pendingBackslashes + run : run;
        return chunk.length - 1;
      }
      let run = backslashRun(chunk, quote, from);
      if (run === quote && from === 0) run += this.#pendingBackslashes;
      this.#pendingBackslashes = 0;
      if (run % 2 === 0) {
        this.#inString = false;
        if (this.#key.active) this.#lastKey = JSON.parse(this.#key.finish(chunk, quote + 1).toString('utf8')) as string;
        return quote;
      }
      at = quote + 1;
      from = at;
    }
  }

  /**
   * Inside an element only strings, brackets and line breaks matter: this loop keeps to them, in local
   * variables, until the element's own closing bracket or the end of the chunk. Returns the index of the
   * last byte it took.
   */
  #nested(chunk: Buffer, from: number, out: Element[]): number {
    const n = chunk.length;
    const top = this.#elementDepth + 1;
    let depth = this.#depth;
    let line = this.#line;
    let i = from;
    for (; i < n; i++) {
      const b = chunk[i]!;
      if (b === QUOTE) {
        const end = stringEnd(chunk, i + 1);
        if (end < 0) {
          // The string goes on in the next chunk.
          this.#inString = true;
          this.#pendingBackslashes = backslashRun(chunk, n, i + 1);
          i = n - 1;
          break;
        }
        i = end;
      } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        depth++;
      } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (depth === top) {
          this.#depth = depth;
          this.#line = line;
          this.#close(chunk, i, out);
          return i;
        }
        depth--;
      } else if (b === NEWLINE) {
        line++;
      }
    }
    this.#depth = depth;
    this.#line = line;
    return i;
  }

  #open(chunk: Buffer, byte: number, i: number): void {
    if (this.#mode === 'done') this.#nextDocument();
    if (this.#mode === 'start') {
      this.#depth = 1;
      this.#documentLine = this.#line;
      if (byte === OPEN_BRACE) {
        this.#mode = 'top-object';
        this.#envelope.begin(i);
      } else {
        this.#mode = 'top-array';
        this.#elementDepth = 1;
      }
      return;
    }
    if (this.#mode === 'top-object' && this.#depth === 1 && !this.#expectKey && this.#lastKey === 'objects' && byte === OPEN_BRACKET) {
      // The objects array is streamed element by element; the envelope keeps an empty `[]` in its place.
      this.#envelope.pause(chunk, i + 1);
      this.#sawObjects = true;
      this.#elementDepth = 2;
      this.#depth = 2;
      return;
    }
    this.#maybeBeginElement(i);
    this.#depth++;
  }

  #close(chunk: Buffer, i: number, out: Element[]): void {
    if (this.#mode === 'start' || this.#mode === 'done') throw new SplitError('unexpected closing bracket', this.#line);
    // A scalar element ends where its array closes.
    if (this.#element.active && this.#depth === this.#elementDepth) out.push(this.#endElement(chunk, i));
    this.#depth--;
    if (this.#element.active && this.#depth === this.#elementDepth) {
      out.push(this.#endElement(chunk, i + 1));
    } else if (this.#mode === 'top-object' && this.#depth === 1 && this.#elementDepth === 2) {
      this.#elementDepth = -1;
      this.#envelope.resume(i);
    }
    if (this.#depth === 0) this.#finishDocument(chunk, i, out);
  }

  #finishDocument(chunk: Buffer, i: number, out: Element[]): void {
    const wasObject = this.#mode === 'top-object';
    this.#mode = 'done';
    if (!wasObject) return;
    const bytes = this.#envelope.finish(chunk, i + 1);
    const text = bytes.toString('utf8');
    if (!this.#sawObjects) {
      out.push({ text, bytes, line: this.#documentLine, index: -1 });
      return;
    }
    try {
      const { objects: _objects, ...envelope } = JSON.parse(text) as Record<string, unknown>;
      this.envelope = envelope;
    } catch (err) {
      throw new SplitError(`the bundle's envelope is not valid JSON: ${(err as Error).message}`, 1);
    }
  }

  #nextDocument(): void {
    this.#mode = 'start';
    this.#expectKey = true;
    this.#lastKey = null;
    this.#sawObjects = false;
  }

  #maybeBeginElement(i: number): void {
    if (this.#element.active || this.#elementDepth < 0 || this.#depth !== this.#elementDepth) return;
    this.#element.begin(i);
    this.#elementLine = this.#line;
  }

  #endElement(chunk: Buffer, end: number): Element {
    const bytes = trimEnd(this.#element.finish(chunk, end));
    return { text: bytes.toString('utf8'), bytes, line: this.#elementLine, index: this.#index++ };
  }
}

/** Index of the quote that ends a string whose text starts at `from`, or -1 when it does not end in this chunk. */
function stringEnd(chunk: Buffer, from: number): number {
  for (let at = from; ;) {
    const quote = chunk.indexOf(QUOTE, at);
    if (quote === -1 || chunk[quote - 1] !== BACKSLASH || backslashRun(chunk, quote, from) % 2 === 0) return quote;
    at = quote + 1;
  }
}

/** Number of consecutive backslashes just before `end`, not looking before `floor`. */
function backslashRun(chunk: Buffer, end: number, floor: number): number {
  let j = end - 1;
  while (j >= floor && chunk[j] === BACKSLASH) j--;
  return end - 1 - j;
}

/** Without the white space between an element and the comma or bracket after it. */
function trimEnd(bytes: Buffer): Buffer {
  let end = bytes.length;
  for (let c = bytes[end - 1]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = bytes[end - 1]) end--;
  return end === bytes.length ? bytes : bytes.subarray(0, end);
}
