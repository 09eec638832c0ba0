// Turns pattern text into tokens on demand; one token of lookahead, positions as offsets.
import { PatternSyntaxError } from './errors.ts';
import { lineColumn } from './position.ts';

export type TokenKind =
  | 'eof'
  | '['
  | ']'
  | '('
  | ')'
  | ':'
  | '.'
  | ','
  | '*'
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  /** Identifier or keyword: `[A-Za-z_][A-Za-z0-9_-]*`. Keywords are recognised by the parser. */
  | 'word'
  | 'string'
  | 'hex'
  | 'binary'
  | 'timestamp'
  | 'integer'
  | 'float';

export class Scanner {
  kind: TokenKind = 'eof';
  /** Offset of the current token's first character. */
  start = 0;
  /** Offset just past the current token. */
  end = 0;
  /** Words and numbers: the text; strings: the unescaped value; h/b/t constants: the text between quotes. */
  value = '';
  private pos = 0;

  constructor(readonly source: string) {}

  /** Builds the error for a problem at `offset`; the caller throws it. */
  error(offset: number, description: string, expected: string, found: string, code?: string): PatternSyntaxError {
    const { line, column } = lineColumn(this.source, offset);
    return new PatternSyntaxError(description, line, column, offset, expected, found, code);
  }

  next(): void {
    this.skipTrivia();
    const src = this.source;
    const start = this.pos;
    this.start = start;
    if (start >= src.length) {
      this.kind = 'eof';
      this.end = start;
      this.value = '';
      return;
    }
    const c = src.charCodeAt(start);
    switch (c) {
      case 0x5b: // [
        return this.single('[');
      case 0x5d:
        return this.single(']');
      case 0x28:
        return this.single('(');
      case 0x29:
        return this.single(')');
      case 0x3a:
        return this.single(':');
      case 0x2c:
        return this.single(',');
      case 0x2a:
        return this.single('*');
      case 0x3d: // = or ==
        return src.charCodeAt(start + 1) === 0x3d ? this.double('=') : this.single('=');
      case 0x21: // !=
        if (src.charCodeAt(start + 1) === 0x3d) return this.double('!=');
        throw this.error(start, "Found '!' on its own; the not-equal operator is written !=", "'!='", "'!'");
      case 0x3c: // < <= <>
        if (src.charCodeAt(start + 1) === 0x3d) return this.double('<=');
        if (src.charCodeAt(start + 1) === 0x3e) return this.double('!=');
        return this.single('<');
      case 0x3e:
        return src.charCodeAt(start + 1) === 0x3d ? this.double('>=') : this.single('>');
      case 0x27: // '
        return this.scanString(start);
      case 0x2e: // . or .5
        return isDigit(src.charCodeAt(start + 1)) ? this.scanNumber(start) : this.single('.');
      case 0x2b: // + -
      case 0x2d: {
        const d = src.charCodeAt(start + 1);
        if (isDigit(d) || (d === 0x2e && isDigit(src.charCodeAt(start + 2)))) return this.scanNumber(start);
        throw this.error(
          start,
          `Found '${src[start]}' where it cannot stand; a sign must be followed directly by digits`,
          'a number',
          `'${src[start]}'`,
        );
      }
      default:
        if (isDigit(c)) return this.scanNumber(start);
        if (isWordStart(c)) return this.scanWord(start);
        throw this.error(
          start,
          `Found the character ${describeChar(src, start)}, which has no meaning in a pattern`,
          'a token',
          describeChar(src, start),
        );
    }
  }

  private single(kind: TokenKind): void {
    this.kind = kind;
    this.end = this.pos = this.start + 1;
    this.value = kind;
  }

  private double(kind: TokenKind): void {
    this.kind = kind;
    this.end = this.pos = this.start + 2;
    this.value = kind;
  }

  private skipTrivia(): void {
    const src = this.source;
    let pos = this.pos;
    for (;;) {
      const c = src.charCodeAt(pos);
      if (isWhitespace(c)) {
        pos++;
      } else if (c === 0x2f && src.charCodeAt(pos + 1) === 0x2a) {
        // Comments are not in the spec's prose but are in the OASIS grammar, and partners' patterns use them.
        const close = src.indexOf('*/', pos + 2);
        if (close < 0) throw this.error(pos, 'This /* comment is never closed with */', "'*/'", 'the end of the pattern');
        pos = close + 2;
      } else if (c === 0x2f && src.charCodeAt(pos + 1) === 0x2f) {
        pos += 2;
        while (pos < src.length && src.charCodeAt(pos) !== 10 && src.charCodeAt(pos) !== 13) pos++;
      } else {
        break;
      }
    }
    this.pos = pos;
  }

  private scanWord(start: number): void {
    const src = this.source;
    let pos = start + 1;
    while (pos < src.length && isWordPart(src.charCodeAt(pos))) pos++;
    if (pos === start + 1 && src.charCodeAt(pos) === 0x27) {
      const prefix = src.charCodeAt(start);
      if (prefix === 0x68) return this.scanQuoted(start, 'hex');
      if (prefix === 0x62) return this.scanQuoted(start, 'binary');
      if (prefix === 0x74) return this.scanQuoted(start, 'timestamp');
    }
    this.kind = 'word';
    this.value = src.slice(start, pos);
    this.end = this.pos = pos;
  }

  /** `h'…'`, `b'…'`, `t'…'`: no escapes inside; the validator checks the content. */
  private scanQuoted(start: number, kind: 'hex' | 'binary' | 'timestamp'): void {
    const close = this.source.indexOf("'", start + 2);
    if (close < 0) {
      throw this.error(
        start,
        `The ${kind} constant starting here is never closed with an apostrophe (')`,
        "an apostrophe (')",
        'the end of the pattern',
      );
    }
    this.kind = kind;
    this.value = this.source.slice(start + 2, close);
    this.end = this.pos = close + 1;
  }

  private scanString(start: number): void {
    const src = this.source;
    let pos = start + 1;
    let value = '';
    let chunk = pos;
    for (;;) {
      if (pos >= src.length) {
        throw this.error(
          start,
          'The string starting here is never closed with an apostrophe (\')',
          "an apostrophe (')",
          'the end of the pattern',
        );
      }
      const c = src.charCodeAt(pos);
      if (c === 0x27) break;
      if (c === 0x5c) {
        const e = src.charCodeAt(pos + 1);
        if (e !== 0x27 && e !== 0x5c) {
          const found = pos + 1 < src.length ? `\\${src[pos + 1]}` : '\\ at the end';
          throw this.error(
            pos,
            `The escape ${found} is not allowed in a string; only \\' and \\\\ are (write \\\\ for a backslash)`,
            "\\' or \\\\",
            found,
          );
        }
        value += src.slice(chunk, pos) + src[pos + 1];
        pos += 2;
        chunk = pos;
        continue;
      }
      pos++;
    }
    this.kind = 'string';
    this.value = chunk === start + 1 ? src.slice(chunk, pos) : value + src.slice(chunk, pos);
    this.end = this.pos = pos + 1;
  }

  /** `[+-]? digits ('.' digits)?` or `[+-]? '.' digits`; an integer may not have leading zeros. */
  private scanNumber(start: number): void {
    const src = this.source;
    let pos = start;
    const c0 = src.charCodeAt(pos);
    if (c0 === 0x2b || c0 === 0x2d) pos++;
    const intStart = pos;
    while (isDigit(src.charCodeAt(pos))) pos++;
    const intEnd = pos;
    let kind: 'integer' | 'float' = 'integer';
    if (src.charCodeAt(pos) === 0x2e && isDigit(src.charCodeAt(pos + 1))) {
      kind = 'float';
      pos++;
      while (isDigit(src.charCodeAt(pos))) pos++;
    }
    if (isWordPart(src.charCodeAt(pos)) || src.charCodeAt(pos) === 0x2e) {
      let stop = pos;
      while (stop < src.length && (isWordPart(src.charCodeAt(stop)) || src.charCodeAt(stop) === 0x2e)) stop++;
      const text = src.slice(start, stop);
      throw this.error(start, `'${text}' is not a number (digits with at most one decimal point)`, 'a number', `'${text}'`);
    }
    if (kind === 'integer' && intEnd - intStart > 1 && src.charCodeAt(intStart) === 0x30) {
      const text = src.slice(start, pos);
      throw this.error(
        start,
        `The integer ${text} has a leading zero, which the grammar does not allow`,
        'an integer without leading zeros',
        text,
      );
    }
    this.kind = kind;
    this.value = src.slice(start, pos);
    this.end = this.pos = pos;
  }
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isWordStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c) || c === 0x2d;
}

/** Unicode White_Space (section 9.4: any code point with WSpace=Y delimits tokens). */
export function isWhitespace(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function describeChar(src: string, offset: number): string {
  const cp = src.codePointAt(offset) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return cp >= 0x20 && cp !== 0x7f ? `'${String.fromCodePoint(cp)}' (U+${hex})` : `U+${hex}`;
}
