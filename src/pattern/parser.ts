// Recursive-descent parser: pattern text → typed tree (section 9), or a PatternSyntaxError naming line:column.
import type {
  ComparisonExpression,
  ComparisonOperator,
  Constant,
  IntegerConstant,
  FloatConstant,
  ObjectPath,
  ObservationExpression,
  Pattern,
  PathStep,
  Qualifier,
  TimestampConstant,
} from './ast.ts';
import { PatternLimitError } from './errors.ts';
import { keywordIgnoringCase, KEYWORDS } from './keywords.ts';
import { DEFAULT_LIMITS, type PatternLimits } from './limits.ts';
import { lineColumn, setOffset } from './position.ts';
import { Scanner, type TokenKind } from './scanner.ts';

const COMPARISON_OPERATORS = '=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET';

/** Parses `source`; throws PatternSyntaxError (or its subclass PatternLimitError) and nothing else. */
export interface ParseOptions extends Partial<PatternLimits> {
  /**
   * Record where each node starts (default true), for diagnostics with line:column. Recording costs about a
   * third of the parse; validatePattern skips it and parses again only when it has something to report.
   */
  positions?: boolean;
}

export function parsePattern(source: string, options: ParseOptions = {}): Pattern {
  const maxLength = options.maxLength ?? DEFAULT_LIMITS.maxLength;
  const maxDepth = options.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  if (source.length > maxLength) {
    const { line, column } = lineColumn(source, maxLength);
    throw new PatternLimitError(
      `The pattern is ${source.length} characters long; the limit is ${maxLength}`,
      line,
      column,
      maxLength,
      `at most ${maxLength} characters`,
      `${source.length} characters`,
      'limit-exceeded',
    );
  }
  return new Parser(source, maxDepth, options.positions ?? true).parse();
}

class Parser {
  private readonly s: Scanner;
  private depth = 0;

  constructor(
    source: string,
    private readonly maxDepth: number,
    private readonly positions: boolean,
  ) {
    this.s = new Scanner(source);
  }

  parse(): Pattern {
    this.s.next();
    if (this.tok() === 'eof') {
      throw this.fail('The pattern is empty; it needs at least one observation expression such as [file:name = \'a\']', "'['");
    }
    const root = this.parseFollowedBy();
    if (this.tok() !== 'eof') {
      throw this.fail(
        `Expected the end of the pattern or an observation operator (AND, OR, FOLLOWEDBY), but found ${this.found()}`,
        'the end of the pattern',
      );
    }
    return root;
  }

  // ---- observation expressions: FOLLOWEDBY < OR < AND < qualifiers (section 9.5.3)

  private parseFollowedBy(): ObservationExpression {
    const start = this.s.start;
    const first = this.parseObservationOr();
    if (!this.isWord('FOLLOWEDBY')) return first;
    const operands = [first];
    while (this.isWord('FOLLOWEDBY')) {
      this.s.next();
      operands.push(this.parseObservationOr());
    }
    return this.at({ kind: 'followedBy', operands }, start);
  }

  private parseObservationOr(): ObservationExpression {
    const start = this.s.start;
    const first = this.parseObservationAnd();
    if (!this.isWord('OR')) return first;
    const operands = [first];
    while (this.isWord('OR')) {
      this.s.next();
      operands.push(this.parseObservationAnd());
    }
    return this.at({ kind: 'observationOr', operands }, start);
  }

  private parseObservationAnd(): ObservationExpression {
    const start = this.s.start;
    const first = this.parseQualified();
    if (!this.isWord('AND')) return first;
    const operands = [first];
    while (this.isWord('AND')) {
      this.s.next();
      operands.push(this.parseQualified());
    }
    return this.at({ kind: 'observationAnd', operands }, start);
  }

  private parseQualified(): ObservationExpression {
    const start = this.s.start;
    let expr = this.parseObservationPrimary();
    let seen = 0;
    const depthBefore = this.depth;
    for (;;) {
      const qualifierStart = this.s.start;
      let q: Qualifier;
      if (this.isWord('WITHIN')) {
        this.s.next();
        const seconds = this.parseNumberFor('WITHIN', 'a positive number of seconds, as in WITHIN 300 SECONDS');
        this.expectWord('SECONDS', 'WITHIN n must be followed by SECONDS');
        q = { kind: 'within', operand: expr, seconds };
      } else if (this.isWord('REPEATS')) {
        this.s.next();
        const timesStart = this.s.start;
        const times = this.parseNumberFor('REPEATS', 'a positive integer, as in REPEATS 5 TIMES');
        if (times.kind !== 'integer') {
          throw this.failAt(
            timesStart,
            `REPEATS needs a whole number of times, but found ${times.text}`,
            'a positive integer',
            times.text,
          );
        }
        this.expectWord('TIMES', 'REPEATS n must be followed by TIMES');
        q = { kind: 'repeats', operand: expr, times };
      } else if (this.isWord('START')) {
        this.s.next();
        const startTime = this.parseTimestampFor('START');
        this.expectWord('STOP', "START t'…' must be followed by STOP t'…'");
        const stopTime = this.parseTimestampFor('STOP');
        q = { kind: 'startStop', operand: expr, start: startTime, stop: stopTime };
      } else {
        break;
      }
      const bit = q.kind === 'within' ? 1 : q.kind === 'repeats' ? 2 : 4;
      if (seen & bit) {
        const name = q.kind === 'startStop' ? 'START/STOP' : q.kind.toUpperCase();
        throw this.s.error(
          qualifierStart,
          `An observation expression may have only one ${name} qualifier (section 9.5.1); use parentheses to apply another to a group`,
          'one qualifier of each type',
          `a second ${name}`,
          'duplicate-qualifier',
        );
      }
      seen |= bit;
      this.enter(qualifierStart);
      expr = this.at(q, start);
    }
    this.depth = depthBefore;
    return expr;
  }

  private parseObservationPrimary(): ObservationExpression {
    const start = this.s.start;
    if (this.s.kind === '[') {
      this.enter(start);
      this.s.next();
      const comparison = this.parseComparisonOr();
      this.expect(']', `Expected ']' to close the observation expression opened at ${this.where(start)}`);
      this.depth--;
      return this.at({ kind: 'observation', comparison }, start);
    }
    if (this.s.kind === '(') {
      this.enter(start);
      this.s.next();
      const inner = this.parseFollowedBy();
      this.expect(')', `Expected ')' to close the parenthesis opened at ${this.where(start)}`);
      this.depth--;
      return inner;
    }
    throw this.fail(
      `Expected an observation expression starting with '[' or '(', but found ${this.found()}`,
      "'[' or '('",
    );
  }

  // ---- comparison expressions: OR < AND (section 9.6)

  private parseComparisonOr(): ComparisonExpression {
    const start = this.s.start;
    const first = this.parseComparisonAnd();
    if (!this.isWord('OR')) return first;
    const operands = [first];
    while (this.isWord('OR')) {
      this.s.next();
      operands.push(this.parseComparisonAnd());
    }
    return this.at({ kind: 'or', operands }, start);
  }

  private parseComparisonAnd(): ComparisonExpression {
    const start = this.s.start;
    const first = this.parsePropertyTest();
    if (!this.isWord('AND')) return first;
    const operands = [first];
    while (this.isWord('AND')) {
      this.s.next();
      operands.push(this.parsePropertyTest());
    }
    return this.at({ kind: 'and', operands }, start);
  }

  private parsePropertyTest(): ComparisonExpression {
    const start = this.s.start;
    if (this.s.kind === '(') {
      this.enter(start);
      this.s.next();
      const inner = this.parseComparisonOr();
      this.expect(')', `Expected ')' to close the parenthesis opened at ${this.where(start)}`);
      this.depth--;
      return inner;
    }
    if (this.isWord('EXISTS')) {
      this.s.next();
      return this.at({ kind: 'exists', path: this.parsePath() }, start);
    }
    if (this.isWord('NOT')) {
      throw this.fail(
        "NOT cannot start a comparison; it goes between the object path and the operator, as in file:name NOT LIKE 'a%'",
        'an object path',
      );
    }
    const path = this.parsePath();
    let negated = false;
    if (this.isWord('NOT')) {
      negated = true;
      this.s.next();
    }
    const s = this.s;
    const opStart = s.start;
    switch (s.kind) {
      case '=':
      case '!=': {
        const operator: ComparisonOperator = s.kind;
        s.next();
        return this.at({ kind: 'comparison', path, operator, negated, value: this.parseConstant(operator, true) }, start);
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const operator: ComparisonOperator = s.kind;
        s.next();
        return this.at({ kind: 'comparison', path, operator, negated, value: this.parseConstant(operator, false) }, start);
      }
      case 'word':
        switch (s.value) {
          case 'IN':
            s.next();
            return this.at({ kind: 'in', path, negated, values: this.parseSet() }, start);
          case 'LIKE':
          case 'MATCHES':
          case 'ISSUBSET':
          case 'ISSUPERSET': {
            const operator: ComparisonOperator = s.value;
            s.next();
            if (this.tok() !== 'string') {
              throw this.fail(`${operator} needs a string constant in apostrophes, but found ${this.found()}`, 'a string');
            }
            const value: Constant = this.at({ kind: 'string', value: s.value }, s.start);
            s.next();
            return this.at({ kind: 'comparison', path, operator, negated, value }, start);
          }
          case 'EXISTS':
            throw this.failAt(
              opStart,
              'EXISTS goes before the object path, as in EXISTS file:name, and cannot be negated',
              'a comparison operator',
              'the keyword EXISTS',
            );
        }
    }
    const hint = s.kind === 'word' ? keywordIgnoringCase(s.value) : undefined;
    throw this.fail(
      hint
        ? `Expected a comparison operator after the object path, but found '${s.value}'; keywords are case-sensitive, write ${hint}`
        : `Expected a comparison operator (${COMPARISON_OPERATORS}) after the object path, but found ${this.found()}`,
      'a comparison operator',
    );
  }

  private parseSet(): Constant[] {
    const open = this.s.start;
    this.expect('(', "IN needs a parenthesised list of constants, as in IN ('a', 'b')");
    const values: Constant[] = [];
    if (this.s.kind === ')') {
      this.s.next();
      return values;
    }
    for (;;) {
      values.push(this.parseConstant('IN', true));
      if (this.s.kind === ',') {
        this.s.next();
        continue;
      }
      this.expect(')', `Expected ',' or ')' in the IN list opened at ${this.where(open)}`);
      return values;
    }
  }

  // ---- object paths (section 9.7)

  private parsePath(): ObjectPath {
    const s = this.s;
    const start = s.start;
    if (s.kind !== 'word' || KEYWORDS.has(s.value)) {
      throw this.fail(`Expected an object path such as file:name, but found ${this.found()}`, 'an object path');
    }
    const objectType = s.value;
    s.next();
    this.expect(':', `Expected ':' after the object type '${objectType}', as in ${objectType}:name`);
    const steps: PathStep[] = [this.parsePropertyName()];
    for (;;) {
      if (this.tok() === '.') {
        s.next();
        steps.push(this.parsePropertyName());
      } else if (this.tok() === '[') {
        const stepStart = s.start;
        s.next();
        let step: PathStep;
        if (this.tok() === '*') {
          step = this.at({ kind: 'anyIndex' }, stepStart);
        } else if (this.tok() === 'integer') {
          const n = Number(s.value);
          if (!Number.isSafeInteger(n)) {
            throw this.fail(`The list index ${s.value} is too large`, 'a list index');
          }
          step = this.at({ kind: 'index', index: n === 0 ? 0 : n }, stepStart);
        } else {
          throw this.fail(`Expected a list index (a whole number or *) after '[', but found ${this.found()}`, 'a list index');
        }
        s.next();
        this.expect(']', "Expected ']' to close the list index");
        steps.push(step);
      } else {
        break;
      }
    }
    return this.at({ kind: 'objectPath', objectType, steps }, start);
  }

  private parsePropertyName(): PathStep {
    const s = this.s;
    const start = s.start;
    let name: string;
    if (this.tok() === 'string') {
      name = s.value;
    } else if (s.kind === 'word') {
      name = s.value;
      if (name.includes('-')) {
        throw this.fail(
          `The property name ${name} contains '-', so it must be quoted: '${name}'`,
          'a property name',
        );
      }
    } else {
      throw this.fail(`Expected a property name, but found ${this.found()}`, 'a property name');
    }
    s.next();
    return this.at({ kind: 'property', name }, start);
  }

  // ---- constants (section 9.2)

  private parseConstant(operator: string, allowBoolean: boolean): Constant {
    const s = this.s;
    const start = s.start;
    let c: Constant;
    switch (s.kind) {
      case 'string':
        c = { kind: 'string', value: s.value };
        break;
      case 'integer':
        c = integerConstant(s.value);
        break;
      case 'float':
        c = floatConstant(s.value);
        break;
      case 'hex':
        c = { kind: 'hex', text: s.value };
        break;
      case 'binary':
        c = { kind: 'binary', text: s.value };
        break;
      case 'timestamp':
        c = { kind: 'timestamp', text: s.value };
        break;
      case 'word':
        if (s.value === 'true' || s.value === 'false') {
          if (!allowBoolean) {
            throw this.fail(`The operator ${operator} cannot compare booleans; use = or !=`, 'an orderable constant');
          }
          c = { kind: 'boolean', value: s.value === 'true' };
          break;
        }
        throw this.notConstant(operator);
      default:
        throw this.notConstant(operator);
    }
    s.next();
    return this.at(c, start);
  }

  private notConstant(operator: string) {
    const s = this.s;
    const hint = s.kind === 'word' ? keywordIgnoringCase(s.value) : undefined;
    return this.fail(
      hint === 'true' || hint === 'false'
        ? `Expected a constant after ${operator}, but found '${s.value}'; booleans are written in lower case: ${hint}`
        : `Expected a constant (a 'string', number, true, false, h'…', b'…' or t'…') after ${operator}, but found ${this.found()}`,
      'a constant',
    );
  }

  private parseNumberFor(keyword: string, expected: string): IntegerConstant | FloatConstant {
    const s = this.s;
    const start = s.start;
    let c: IntegerConstant | FloatConstant;
    if (s.kind === 'integer') c = integerConstant(s.value);
    else if (s.kind === 'float') c = floatConstant(s.value);
    else throw this.fail(`${keyword} needs ${expected}, but found ${this.found()}`, expected);
    s.next();
    return this.at(c, start);
  }

  private parseTimestampFor(keyword: string): TimestampConstant {
    const s = this.s;
    if (s.kind !== 'timestamp') {
      const hint = s.kind === 'string' ? `; write t'${s.value}'` : '';
      throw this.fail(
        `${keyword} needs a timestamp constant such as t'2016-06-01T00:00:00Z', but found ${this.found()}${hint}`,
        'a timestamp constant',
      );
    }
    const c: TimestampConstant = this.at({ kind: 'timestamp', text: s.value }, s.start);
    s.next();
    return c;
  }

  // ---- helpers

  private at<T extends object>(node: T, offset: number): T {
    if (this.positions) setOffset(node, offset);
    return node;
  }

  private enter(offset: number): void {
    if (++this.depth > this.maxDepth) {
      const { line, column } = lineColumn(this.s.source, offset);
      throw new PatternLimitError(
        `The pattern nests deeper than ${this.maxDepth} levels of brackets, parentheses and qualifiers`,
        line,
        column,
        offset,
        `at most ${this.maxDepth} levels`,
        'a deeper level',
        'limit-exceeded',
      );
    }
  }

  /** The current token kind, read through a call so TypeScript does not narrow it across `next()`. */
  private tok(): TokenKind {
    return this.s.kind;
  }

  private isWord(word: string): boolean {
    return this.s.kind === 'word' && this.s.value === word;
  }

  private expect(kind: '[' | ']' | '(' | ')' | ':', description: string): void {
    if (this.s.kind !== kind) throw this.fail(`${description}, but found ${this.found()}`, `'${kind}'`);
    this.s.next();
  }

  private expectWord(word: string, description: string): void {
    if (!this.isWord(word)) {
      const hint = this.s.kind === 'word' && keywordIgnoringCase(this.s.value) === word ? ' (keywords are upper case)' : '';
      throw this.fail(`${description}, but found ${this.found()}${hint}`, word);
    }
    this.s.next();
  }

  private where(offset: number): string {
    const { line, column } = lineColumn(this.s.source, offset);
    return `${line}:${column}`;
  }

  private found(): string {
    const s = this.s;
    switch (s.kind) {
      case 'eof':
        return 'the end of the pattern';
      case 'word':
        return KEYWORDS.has(s.value) ? `the keyword ${s.value}` : `'${clip(s.value)}'`;
      case 'string':
        return `the string '${clip(s.value)}'`;
      case 'hex':
      case 'binary':
      case 'timestamp':
        return `the ${s.kind} constant ${clip(s.source.slice(s.start, s.end))}`;
      case 'integer':
      case 'float':
        return `the number ${s.value}`;
      default:
        return `'${s.kind}'`;
    }
  }

  private fail(description: string, expected: string) {
    const s = this.s;
    const hint = s.kind === 'word' && !description.includes('case') ? keywordIgnoringCase(s.value) : undefined;
    const full = hint ? `${description}; keywords are case-sensitive, so write ${hint}` : description;
    return this.failAt(s.start, full, expected, this.found());
  }

  private failAt(offset: number, description: string, expected: string, found: string) {
    return this.s.error(offset, description, expected, found);
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Canonical integer text: no '+', no '-0'. */
export function integerConstant(raw: string): IntegerConstant {
  let text = raw.charCodeAt(0) === 0x2b ? raw.slice(1) : raw;
  if (text === '-0') text = '0';
  return { kind: 'integer', text, value: Number(text) };
}

/** Canonical float text: no '+', a digit before the point, no trailing zeros after it (but at least one digit). */
export function floatConstant(raw: string): FloatConstant {
  let sign = '';
  let body = raw;
  if (body[0] === '+' || body[0] === '-') {
    sign = body[0] === '-' ? '-' : '';
    body = body.slice(1);
  }
  const dot = body.indexOf('.');
  let whole = body.slice(0, dot).replace(/^0+/, '');
  let fraction = body.slice(dot + 1).replace(/0+$/, '');
  if (whole === '') whole = '0';
  if (fraction === '') fraction = '0';
  const text = `${sign}${whole}.${fraction}`;
  return { kind: 'float', text, value: Number(text) };
}
