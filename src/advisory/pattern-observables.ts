// The values a STIX pattern looks for (`ipv4-addr:value = '198.51.100.7'`), each with a de-fanged form for people.
import { parsePattern } from '../pattern/parser.ts';
import { printPath } from '../pattern/printer.ts';
import { PatternError } from '../pattern/errors.ts';
import { assertNever, type ComparisonExpression, type Constant, type ObjectPath, type ObservationExpression } from '../pattern/ast.ts';
import { defang } from '../stix/defang.ts';
import type { Observable } from './advisory.ts';

// Values a reader could click or paste into a browser or mail client; hashes and file names are safe as they are.
const NETWORK_TYPES = new Set(['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr']);

/** The positive comparisons of a STIX pattern; none for other pattern languages or a pattern that does not parse. */
export function patternObservables(pattern: string, patternType: string): Observable[] {
  if (patternType !== 'stix') return [];
  try {
    const found: Observable[] = [];
    observation(parsePattern(pattern), found);
    return found;
  } catch (err) {
    // The stored pattern is still shown exactly; only the table of values is empty.
    if (err instanceof PatternError) return [];
    throw err;
  }
}

function observation(node: ObservationExpression, found: Observable[]): void {
  switch (node.kind) {
    case 'observation':
      comparison(node.comparison, found);
      return;
    case 'observationAnd':
    case 'observationOr':
    case 'followedBy':
      for (const operand of node.operands) observation(operand, found);
      return;
    case 'within':
    case 'repeats':
    case 'startStop':
      observation(node.operand, found);
      return;
    default:
      assertNever(node);
  }
}

function comparison(node: ComparisonExpression, found: Observable[]): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const operand of node.operands) comparison(operand, found);
      return;
    case 'comparison':
      if (!node.negated && node.operator !== '!=') push(found, node.path, node.operator, node.value);
      return;
    case 'in':
      if (!node.negated) for (const value of node.values) push(found, node.path, 'IN', value);
      return;
    case 'exists':
      return;
    default:
      assertNever(node);
  }
}

function push(found: Observable[], path: ObjectPath, operator: string, constant: Constant): void {
  const last = path.steps[path.steps.length - 1];
  // `dst_ref.type = 'ipv4-addr'` says what kind of object a reference is, not a value anyone looks for.
  if (path.steps.length > 1 && last?.kind === 'property' && last.name === 'type') return;
  const value = text(constant);
  // A MATCHES value is a regular expression, not an address anyone could follow.
  const network = operator !== 'MATCHES' && (NETWORK_TYPES.has(path.objectType)
    || (path.steps.length > 1 && last?.kind === 'property' && last.name === 'value'));
  found.push({
    path: printPath(path),
    objectType: path.objectType,
    operator,
    value,
    defanged: network ? defang(value) : value,
  });
}

function text(constant: Constant): string {
  switch (constant.kind) {
    case 'string':
      return constant.value;
    case 'integer':
    case 'float':
    case 'hex':
    case 'binary':
    case 'timestamp':
      return constant.text;
    case 'boolean':
      return String(constant.value);
    default:
      return assertNever(constant);
  }
}
