// Compiles the comparison expression of an observation into a predicate over one starting SCO (section 9.6).
import { assertNever, type Comparison, type ComparisonExpression, type ObjectPath, type SetComparison } from '../ast.ts';
import { octetsToLatin1 } from '../binary.ts';
import { cidrContains, parseCidr, type Cidr } from '../cidr.ts';
import { compileRegex } from '../regex.ts';
import { compileLike, type TextTest } from './like.ts';
import { isRecord, type Observation, type Sco } from './observations.ts';
import { compareValue, encodingOf, nfc, prepare, propertyOctets, type Encoding, type Prepared } from './values.ts';

export type ScoPredicate = (sco: Sco, observation: Observation) => boolean;

/** Assumes a validated pattern: malformed constants were rejected, so they compile to "never true". */
export function compileComparison(e: ComparisonExpression): ScoPredicate {
  switch (e.kind) {
    case 'and': {
      const parts = e.operands.map(compileComparison);
      return (sco, obs) => parts.every((p) => p(sco, obs));
    }
    case 'or': {
      const parts = e.operands.map(compileComparison);
      return (sco, obs) => parts.some((p) => p(sco, obs));
    }
    case 'comparison':
      return compileTest(e);
    case 'in':
      return compileSet(e);
    case 'exists': {
      const path = compilePath(e.path);
      return (sco, obs) => path.type === sco.type && path.values(sco, obs).length > 0;
    }
    default:
      return assertNever(e);
  }
}

interface CompiledPath {
  type: string;
  encoding: Encoding;
  /** Every value the path reaches from `sco`: none when absent, several through `[*]`. */
  values(sco: Sco, obs: Observation): unknown[];
}

function compilePath(path: ObjectPath): CompiledPath {
  const steps = path.steps;
  let lastProperty: string | undefined;
  for (const s of steps) if (s.kind === 'property') lastProperty = s.name;
  return {
    type: path.objectType,
    encoding: encodingOf(lastProperty),
    values(sco, obs) {
      let current: unknown[] = [sco];
      let previous: string | undefined;
      for (const step of steps) {
        const next: unknown[] = [];
        for (let v of current) {
          switch (step.kind) {
            case 'property': {
              // Section 9.7.4: a reference's properties act as if nested in the referring object.
              if (typeof v === 'string' && previous !== undefined && isReference(previous)) v = obs.objects.get(v);
              if (isRecord(v) && Object.hasOwn(v, step.name)) {
                const child = v[step.name];
                if (child !== null && child !== undefined) next.push(child);
              }
              break;
            }
            case 'index':
              // Section 9.7.2: an index out of range (negative ones included) finds nothing.
              if (Array.isArray(v) && step.index >= 0 && step.index < v.length) next.push(v[step.index]);
              break;
            case 'anyIndex':
              if (Array.isArray(v)) for (const item of v) next.push(item);
              break;
            default:
              assertNever(step);
          }
        }
        if (step.kind === 'property') previous = step.name;
        // Comparisons ask whether any value qualifies, so duplicates add nothing; dropping them keeps reference
        // cycles followed through [*] from multiplying the work at every step.
        current = next.length > 64 ? [...new Set(next)] : next;
        if (current.length === 0) break;
      }
      return current;
    },
  };
}

function isReference(name: string): boolean {
  return name.endsWith('_ref') || name.endsWith('_refs');
}

/**
 * Section 9.6: an absent path makes the comparison false whatever the operator, NOT included; otherwise the
 * comparison holds if it holds for any reached value (section 9.7.2 `[*]`), and NOT negates that.
 */
function quantify(path: CompiledPath, negated: boolean, test: (value: unknown) => boolean): ScoPredicate {
  return (sco, obs) => {
    if (sco.type !== path.type) return false;
    const values = path.values(sco, obs);
    if (values.length === 0) return false;
    const any = values.some(test);
    return negated ? !any : any;
  };
}

function compileTest(c: Comparison): ScoPredicate {
  const path = compilePath(c.path);
  const never: ScoPredicate = () => false;
  const constant = prepare(c.value);
  if (!constant) return never;
  const enc = path.encoding;
  switch (c.operator) {
    case '=':
      return quantify(path, c.negated, (v) => compareValue(v, enc, constant) === 0);
    case '!=':
      // Section 9.6.1: incompatible types make every operator false except !=, which is true.
      return quantify(path, c.negated, (v) => compareValue(v, enc, constant) !== 0);
    case '<':
      return quantify(path, c.negated, (v) => ordered(v, enc, constant, (d) => d < 0));
    case '<=':
      return quantify(path, c.negated, (v) => ordered(v, enc, constant, (d) => d <= 0));
    case '>':
      return quantify(path, c.negated, (v) => ordered(v, enc, constant, (d) => d > 0));
    case '>=':
      return quantify(path, c.negated, (v) => ordered(v, enc, constant, (d) => d >= 0));
    case 'LIKE': {
      if (constant.kind !== 'string') return never;
      const like = compileLike(nfc(constant.value));
      return quantify(path, c.negated, (v) => testText(like, v, enc));
    }
    case 'MATCHES': {
      if (constant.kind !== 'string') return never;
      const compiled = compileRegex(constant.value);
      if (!compiled.ok) return never;
      return quantify(path, c.negated, (v) => testText(compiled.regex, v, enc));
    }
    case 'ISSUBSET':
    case 'ISSUPERSET': {
      const block = constant.kind === 'string' ? parseCidr(constant.value) : undefined;
      if (!block) return never;
      const subset = c.operator === 'ISSUBSET';
      return quantify(path, c.negated, (v) => {
        const value = typeof v === 'string' ? cidrOf(v) : undefined;
        if (!value) return false;
        return subset ? cidrContains(block, value) : cidrContains(value, block);
      });
    }
    default:
      return assertNever(c.operator);
  }
}

function ordered(v: unknown, enc: Encoding, c: Prepared, accept: (d: number) => boolean): boolean {
  // Booleans have no order; the parser already refuses them after <, <=, >, >=.
  const d = compareValue(v, enc, c);
  return d !== undefined && accept(d);
}

/** LIKE and MATCHES read strings NFC-normalised, and binary properties as their octets (section 9.6.1). */
function testText(regex: TextTest, v: unknown, enc: Encoding): boolean {
  if (enc) {
    const octets = propertyOctets(v, enc);
    return octets !== undefined && regex.test(octetsToLatin1(octets));
  }
  return typeof v === 'string' && regex.test(nfc(v));
}

function compileSet(s: SetComparison): ScoPredicate {
  const path = compilePath(s.path);
  const constants = s.values.map(prepare).filter((c): c is Prepared => c !== undefined);
  if (path.encoding === undefined && constants.length > 8 && constants.every((c) => c.kind === 'string')) {
    // Long lists of hashes or domains: code-point equality is plain string equality, so a set lookup will do.
    const set = new Set(constants.map((c) => (c as { value: string }).value));
    return quantify(path, s.negated, (v) => typeof v === 'string' && set.has(v));
  }
  return quantify(path, s.negated, (v) => constants.some((c) => compareValue(v, path.encoding, c) === 0));
}

const cidrCache = new Map<string, Cidr | null>();

function cidrOf(text: string): Cidr | undefined {
  let c = cidrCache.get(text);
  if (c === undefined) {
    c = parseCidr(text) ?? null;
    if (cidrCache.size > 10_000) cidrCache.clear();
    cidrCache.set(text, c);
  }
  return c ?? undefined;
}
