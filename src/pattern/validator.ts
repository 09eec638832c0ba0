// Semantic checks on a parsed pattern: constants, types, operators, qualifiers, known SCO types and properties.
import {
  assertNever,
  type Comparison,
  type ComparisonExpression,
  type Constant,
  type ObjectPath,
  type ObservationExpression,
  type Pattern,
  type SetComparison,
} from './ast.ts';
import { isValidBase64, isValidHex } from './binary.ts';
import { hasHostBits, parseCidr } from './cidr.ts';
import { diagnostic, DIAGNOSTIC_CATALOG, type DiagnosticCode, type PatternDiagnostic } from './diagnostics.ts';
import { printPath } from './printer.ts';
import { LineIndex, offsetOf } from './position.ts';
import { compileRegex } from './regex.ts';
import { scoType, type PropertyType } from './sco-catalog.ts';
import { compareInstants, parseTimestamp } from './timestamp.ts';

/** All semantic diagnostics of `pattern`; `source` (the parsed text) gives them line:column. */
export function checkPattern(pattern: Pattern, source = ''): PatternDiagnostic[] {
  const checker = new Checker(source);
  checker.observation(pattern);
  // Qualifiers are checked before the expression they follow; report in reading order instead.
  return checker.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** What a path leads to: the possible property types, or null when unknown (custom type, property or extension). */
interface Resolved {
  types: PropertyType[] | null;
  /** SCO types that own the last property (after following references). */
  owners: string[] | null;
  lastProperty: string | undefined;
}

class Checker {
  readonly diagnostics: PatternDiagnostic[] = [];
  private readonly warned = new Set<string>();
  private readonly lines: LineIndex;

  constructor(source: string) {
    this.lines = new LineIndex(source);
  }

  observation(e: ObservationExpression): void {
    switch (e.kind) {
      case 'observation':
        this.comparisonTypes(e.comparison);
        return;
      case 'observationAnd':
      case 'observationOr':
      case 'followedBy':
        for (const o of e.operands) this.observation(o);
        return;
      case 'within':
        this.number(e.seconds);
        if (!(e.seconds.value > 0)) {
          this.report('within-not-positive', e.seconds, `WITHIN needs a positive number of seconds, not ${e.seconds.text}`);
        }
        this.observation(e.operand);
        return;
      case 'repeats':
        this.number(e.times);
        if (!(e.times.value >= 1)) {
          this.report('repeats-not-positive', e.times, `REPEATS needs a positive integer, not ${e.times.text}`);
        }
        this.observation(e.operand);
        return;
      case 'startStop': {
        const start = this.timestamp(e.start);
        const stop = this.timestamp(e.stop);
        if (start && stop && compareInstants(start, stop) >= 0) {
          this.report(
            'start-not-before-stop',
            e.stop,
            `STOP t'${e.stop.text}' is not later than START t'${e.start.text}', so no observation can match`,
          );
        }
        this.observation(e.operand);
        return;
      }
      default:
        assertNever(e);
    }
  }

  /**
   * Checks comparisons and returns the SCO types the expression can start from (section 9.5: all operands of
   * AND must be satisfiable by one object); null means "any" (a custom type counts as itself).
   */
  private comparisonTypes(e: ComparisonExpression): Set<string> {
    switch (e.kind) {
      case 'and': {
        let common: Set<string> | undefined;
        for (const operand of e.operands) {
          const types = this.comparisonTypes(operand);
          if (common === undefined) {
            common = types;
          } else if (types.size > 0 && common.size > 0) {
            const both = new Set([...common].filter((t) => types.has(t)));
            if (both.size === 0) {
              this.report(
                'and-object-types',
                operand,
                `AND joins comparisons on ${list(common)} and on ${list(types)}; one object cannot be both, so use OR or separate observation expressions`,
              );
              return new Set();
            }
            common = both;
          }
        }
        return common ?? new Set();
      }
      case 'or': {
        const all = new Set<string>();
        for (const operand of e.operands) for (const t of this.comparisonTypes(operand)) all.add(t);
        return all;
      }
      case 'comparison':
        this.comparison(e);
        return new Set([e.path.objectType]);
      case 'in':
        this.set(e);
        return new Set([e.path.objectType]);
      case 'exists':
        this.resolve(e.path);
        return new Set([e.path.objectType]);
      default:
        return assertNever(e);
    }
  }

  private comparison(c: Comparison): void {
    const resolved = this.resolve(c.path);
    if (!this.constant(c.value)) return;
    const leaf = leafType(resolved);
    const path = printPath(c.path);
    switch (c.operator) {
      case '=':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (leaf) this.compatible(c.value, leaf, path);
        return;
      case 'LIKE':
      case 'MATCHES':
        if (leaf && !textual(leaf)) {
          this.report('operator-mismatch', c, `${c.operator} needs a string property, but ${path} is ${describe(leaf)}`);
          return;
        }
        if (c.operator === 'MATCHES' && c.value.kind === 'string') {
          const compiled = compileRegex(c.value.value);
          if (!compiled.ok) this.report('invalid-regex', c.value, `The MATCHES expression cannot be used: ${compiled.reason}`);
        }
        return;
      case 'ISSUBSET':
      case 'ISSUPERSET': {
        const text = c.value.kind === 'string' ? c.value.value : '';
        const cidr = parseCidr(text);
        if (!cidr) {
          this.report('invalid-cidr', c.value, `'${text}' is not an IPv4 or IPv6 address or CIDR block such as '198.51.100.0/24'`);
        } else if (hasHostBits(cidr)) {
          this.report('cidr-host-bits', c.value, `'${text}' has bits set after its /${cidr.prefix} prefix; they are ignored`);
        }
        if (resolved.owners && resolved.types) {
          const addressOwners = resolved.owners.filter((t) => t === 'ipv4-addr' || t === 'ipv6-addr');
          if (resolved.lastProperty !== 'value' || addressOwners.length === 0) {
            this.report(
              'operator-mismatch',
              c,
              `${c.operator} applies only to the value of an ipv4-addr or ipv6-addr, not to ${path}`,
            );
          } else if (cidr && !addressOwners.includes(cidr.family === 4 ? 'ipv4-addr' : 'ipv6-addr')) {
            this.report('type-mismatch', c.value, `'${text}' is an IPv${cidr.family} block, but ${path} holds ${addressOwners.join(' or ')} values`);
          }
        }
        return;
      }
      default:
        assertNever(c.operator);
    }
  }

  private set(s: SetComparison): void {
    const resolved = this.resolve(s.path);
    const leaf = leafType(resolved);
    const path = printPath(s.path);
    let firstKind: string | undefined;
    for (const v of s.values) {
      if (!this.constant(v)) continue;
      const kind = v.kind === 'float' ? 'integer' : v.kind;
      if (firstKind === undefined) firstKind = kind;
      else if (kind !== firstKind) {
        this.report('mixed-set', v, `The IN list mixes constants of different types; section 9.6.1 requires one type`);
        return;
      }
      if (leaf && !this.compatible(v, leaf, path)) return;
    }
  }

  /** Reports and returns false when constant `c` cannot be compared with a property of type `t`. */
  private compatible(c: Constant, t: PropertyType, path: string): boolean {
    if (accepts(t, c)) {
      if (t.kind === 'string' && (c.kind === 'hex' || c.kind === 'binary')) {
        // Section 9.6.4 compares a text property's characters as octets, which surprises people matching hashes.
        this.report(
          'octets-against-text',
          c,
          `${path} is text, so ${describeConstant(c)} is compared with its characters as octets, not with hex digits; to match the text, write it as a string`,
        );
      }
      return true;
    }
    const hint = t.kind === 'timestamp' && c.kind === 'string' ? `; write t'${c.value}'` : '';
    this.report('type-mismatch', c, `${path} is ${describe(t)}, so it cannot be compared with ${describeConstant(c)}${hint}`);
    return false;
  }

  /** Checks a constant's own form; false when it is malformed (no further checks on it). */
  private constant(c: Constant): boolean {
    switch (c.kind) {
      case 'string':
      case 'boolean':
        return true;
      case 'integer':
      case 'float':
        return this.number(c);
      case 'hex':
        if (isValidHex(c.text)) return true;
        this.report('invalid-hex', c, `h'${c.text}' is not hex: it needs an even number of the digits 0-9 and a-f`);
        return false;
      case 'binary':
        if (isValidBase64(c.text)) return true;
        this.report('invalid-binary', c, `b'${c.text}' is not valid base64 (RFC 4648, padded with = to a multiple of 4)`);
        return false;
      case 'timestamp':
        return this.timestamp(c) !== undefined;
      default:
        return assertNever(c);
    }
  }

  private number(c: Constant & { kind: 'integer' | 'float' }): boolean {
    if (c.kind === 'integer' && !Number.isSafeInteger(c.value)) {
      this.report('integer-out-of-range', c, `The integer ${c.text} is outside the STIX range -(2^53)+1 to 2^53-1`);
      return false;
    }
    if (c.kind === 'float' && !Number.isFinite(c.value)) {
      this.report('float-out-of-range', c, `The number ${c.text} is too large for a float`);
      return false;
    }
    return true;
  }

  private timestamp(c: Constant & { kind: 'timestamp' }) {
    const instant = parseTimestamp(c.text);
    if (!instant) {
      this.report(
        'invalid-timestamp',
        c,
        `t'${c.text}' is not a valid timestamp; write a real UTC date and time such as t'2016-06-01T00:00:00Z'`,
      );
    }
    return instant;
  }

  /** Walks a path through the SCO catalog, warning at the first step the spec does not define. */
  private resolve(path: ObjectPath): Resolved {
    const root = scoType(path.objectType);
    if (!root) {
      this.report(
        'unknown-object-type',
        path,
        `'${path.objectType}' is not a STIX 2.1 cyber-observable type; fine for a custom object, otherwise check the spelling`,
      );
      return { types: null, owners: null, lastProperty: undefined };
    }
    let types: PropertyType[] | null = [root];
    let owners: string[] | null = [path.objectType];
    let lastProperty: string | undefined;
    let where = `${path.objectType}:`;
    for (const step of path.steps) {
      if (types === null) break;
      if (step.kind === 'property') {
        const next: PropertyType[] = [];
        let nextOwners: string[] | null = owners;
        let unknown = false;
        for (const t of types) {
          switch (t.kind) {
            case 'object': {
              const p = t.properties[step.name];
              if (p) next.push(p);
              break;
            }
            case 'dictionary':
              if (t.values) next.push(t.values);
              else unknown = true;
              break;
            case 'extensions': {
              const p = t.known[step.name];
              if (p) next.push(p);
              else unknown = true; // custom extensions are legal
              break;
            }
            case 'ref': {
              if (t.targets.length === 0) {
                unknown = true;
                break;
              }
              nextOwners = [...t.targets];
              for (const target of t.targets) {
                const sco = scoType(target);
                const p = sco?.kind === 'object' ? sco.properties[step.name] : undefined;
                if (p) next.push(p);
              }
              break;
            }
            default:
              // A list or a plain value has no named properties; reported below.
              break;
          }
        }
        lastProperty = step.name;
        owners = nextOwners;
        const shown = where.endsWith(':') ? where.slice(0, -1) : where;
        if (next.length === 0 && !unknown && types.every((t) => t.kind === 'list')) {
          this.report(
            'invalid-path',
            step,
            `${shown} is a list, so it has no property '${step.name}'; index it first, as in ${shown}[*].${step.name} (section 9.7.2)`,
          );
          return { types: null, owners: null, lastProperty };
        }
        if (next.length === 0 && !unknown && types.every(isScalar)) {
          this.report('invalid-path', step, `${shown} is ${describe(types[0]!)} and has no property '${step.name}'`);
          return { types: null, owners: null, lastProperty };
        }
        if (next.length === 0 && !unknown) {
          this.report(
            'unknown-property',
            step,
            `${where.endsWith(':') ? where.slice(0, -1) : where} has no property '${step.name}' in STIX 2.1; fine for a custom property, otherwise check the spelling`,
          );
          return { types: null, owners: null, lastProperty };
        }
        types = unknown && next.length === 0 ? null : next;
        where = `${where}${where.endsWith(':') ? '' : '.'}${step.name}`;
      } else {
        if (step.kind === 'index' && step.index < 0) {
          this.report('negative-index', step, `The list index ${step.index} is never in range, so this comparison is always false`);
        }
        const items: PropertyType[] = [];
        for (const t of types) if (t.kind === 'list') items.push(t.of);
        if (items.length === 0) {
          const shown = where.endsWith(':') ? where.slice(0, -1) : where;
          this.report('invalid-path', step, `${shown} is ${describe(types[0]!)}, not a list, so a list index never matches`);
          return { types: null, owners: null, lastProperty };
        }
        types = items;
        where = `${where}[]`;
      }
    }
    return { types, owners, lastProperty };
  }

  private report(code: DiagnosticCode, node: object, message: string): void {
    // A warning repeated for every comparison on one custom type would drown the errors; say it once.
    if (DIAGNOSTIC_CATALOG[code].severity === 'warning') {
      if (this.warned.has(message)) return;
      this.warned.add(message);
    }
    const offset = offsetOf(node) ?? 0;
    const { line, column } = this.lines.at(offset);
    this.diagnostics.push(diagnostic(code, message, line, column));
  }
}

/** The single type a path leads to, or undefined when unknown or ambiguous. */
function leafType(r: Resolved): PropertyType | undefined {
  if (!r.types || r.types.length === 0) return undefined;
  const first = r.types[0]!;
  return r.types.every((t) => t.kind === first.kind) ? first : undefined;
}

/** Section 9.2, "STIX Comparable Data Type(s)". */
function accepts(t: PropertyType, c: Constant): boolean {
  switch (t.kind) {
    case 'string':
      return c.kind === 'string' || c.kind === 'hex' || c.kind === 'binary';
    case 'binary':
    case 'hex':
      return c.kind === 'string' || c.kind === 'hex' || c.kind === 'binary';
    case 'integer':
    case 'float':
      return c.kind === 'integer' || c.kind === 'float';
    case 'boolean':
      return c.kind === 'boolean';
    case 'timestamp':
      return c.kind === 'timestamp';
    case 'ref':
      return c.kind === 'string';
    case 'list':
    case 'dictionary':
    case 'object':
    case 'extensions':
      return false;
    default:
      return assertNever(t);
  }
}

function isScalar(t: PropertyType): boolean {
  return t.kind !== 'list' && t.kind !== 'dictionary' && t.kind !== 'object' && t.kind !== 'extensions' && t.kind !== 'ref';
}

function textual(t: PropertyType): boolean {
  return t.kind === 'string' || t.kind === 'binary' || t.kind === 'hex' || t.kind === 'ref' || t.kind === 'timestamp';
}

function describe(t: PropertyType): string {
  switch (t.kind) {
    case 'list':
      return 'a list (index it with [*] or [n])';
    case 'dictionary':
    case 'extensions':
      return 'a dictionary (name one of its keys)';
    case 'object':
      return 'an object (name one of its properties)';
    case 'ref':
      return 'a reference';
    case 'integer':
      return 'an integer property';
    default:
      return `a ${t.kind} property`;
  }
}

function describeConstant(c: Constant): string {
  switch (c.kind) {
    case 'string':
      return `the string '${c.value.length > 40 ? `${c.value.slice(0, 37)}…` : c.value}'`;
    case 'integer':
    case 'float':
      return `the number ${c.text}`;
    case 'boolean':
      return `the boolean ${c.value}`;
    case 'hex':
      return 'a hex constant';
    case 'binary':
      return 'a binary constant';
    case 'timestamp':
      return `the timestamp t'${c.text}'`;
    default:
      return assertNever(c);
  }
}

function list(types: Set<string>): string {
  return [...types].join(' or ');
}
