// Writes a pattern tree in canonical form: single spaces, upper-case keywords, minimal quoting and parentheses.
import {
  assertNever,
  type ComparisonExpression,
  type Constant,
  type ObjectPath,
  type ObservationExpression,
  type Pattern,
  type Qualifier,
} from './ast.ts';

/** parsePattern(printPattern(ast)) deep-equals ast for every tree parsePattern can produce. */
export function printPattern(pattern: Pattern): string {
  return printObservation(pattern);
}

// Binding strength of observation operators (section 9.5.3): a child binding no tighter than its parent is parenthesised.
function observationPrecedence(e: ObservationExpression): number {
  switch (e.kind) {
    case 'followedBy':
      return 1;
    case 'observationOr':
      return 2;
    case 'observationAnd':
      return 3;
    case 'within':
    case 'repeats':
    case 'startStop':
      return 4;
    case 'observation':
      return 5;
    default:
      return assertNever(e);
  }
}

function printObservation(e: ObservationExpression): string {
  switch (e.kind) {
    case 'observation':
      return `[${printComparison(e.comparison)}]`;
    case 'observationAnd':
      return joinObservations(e.operands, 3, ' AND ');
    case 'observationOr':
      return joinObservations(e.operands, 2, ' OR ');
    case 'followedBy':
      return joinObservations(e.operands, 1, ' FOLLOWEDBY ');
    case 'within':
    case 'repeats':
    case 'startStop':
      return `${printQualifierOperand(e)} ${printQualifier(e)}`;
    default:
      return assertNever(e);
  }
}

function joinObservations(operands: ObservationExpression[], precedence: number, separator: string): string {
  return operands
    .map((o) => (observationPrecedence(o) <= precedence ? `(${printObservation(o)})` : printObservation(o)))
    .join(separator);
}

function printQualifierOperand(q: Qualifier): string {
  const operand = q.operand;
  // The parser rejects two qualifiers of one type in a row, so such a nesting needs parentheses to read back.
  const needsParens = observationPrecedence(operand) < 4 || chainHas(operand, q.kind);
  return needsParens ? `(${printObservation(operand)})` : printObservation(operand);
}

function chainHas(e: ObservationExpression, kind: Qualifier['kind']): boolean {
  let cur = e;
  while (cur.kind === 'within' || cur.kind === 'repeats' || cur.kind === 'startStop') {
    if (cur.kind === kind) return true;
    cur = cur.operand;
  }
  return false;
}

function printQualifier(q: Qualifier): string {
  switch (q.kind) {
    case 'within':
      return `WITHIN ${q.seconds.text} SECONDS`;
    case 'repeats':
      return `REPEATS ${q.times.text} TIMES`;
    case 'startStop':
      return `START t'${q.start.text}' STOP t'${q.stop.text}'`;
    default:
      return assertNever(q);
  }
}

function comparisonPrecedence(e: ComparisonExpression): number {
  switch (e.kind) {
    case 'or':
      return 1;
    case 'and':
      return 2;
    case 'comparison':
    case 'in':
    case 'exists':
      return 3;
    default:
      return assertNever(e);
  }
}

function printComparison(e: ComparisonExpression): string {
  switch (e.kind) {
    case 'and':
      return joinComparisons(e.operands, 2, ' AND ');
    case 'or':
      return joinComparisons(e.operands, 1, ' OR ');
    case 'comparison':
      return `${printPath(e.path)}${e.negated ? ' NOT' : ''} ${e.operator} ${printConstant(e.value)}`;
    case 'in':
      return `${printPath(e.path)}${e.negated ? ' NOT' : ''} IN (${e.values.map(printConstant).join(', ')})`;
    case 'exists':
      return `EXISTS ${printPath(e.path)}`;
    default:
      return assertNever(e);
  }
}

function joinComparisons(operands: ComparisonExpression[], precedence: number, separator: string): string {
  return operands
    .map((o) => (comparisonPrecedence(o) <= precedence ? `(${printComparison(o)})` : printComparison(o)))
    .join(separator);
}

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function printPath(path: ObjectPath): string {
  let out = `${path.objectType}:`;
  path.steps.forEach((step, i) => {
    switch (step.kind) {
      case 'property': {
        const name = BARE_NAME.test(step.name) ? step.name : quote(step.name);
        out += i === 0 ? name : `.${name}`;
        break;
      }
      case 'index':
        out += `[${step.index}]`;
        break;
      case 'anyIndex':
        out += '[*]';
        break;
      default:
        assertNever(step);
    }
  });
  return out;
}

export function printConstant(c: Constant): string {
  switch (c.kind) {
    case 'string':
      return quote(c.value);
    case 'integer':
    case 'float':
      return c.text;
    case 'boolean':
      return c.value ? 'true' : 'false';
    case 'hex':
      return `h'${c.text}'`;
    case 'binary':
      return `b'${c.text}'`;
    case 'timestamp':
      return `t'${c.text}'`;
    default:
      return assertNever(c);
  }
}

function quote(s: string): string {
  return `'${s.replace(/[\\']/g, (ch) => `\\${ch}`)}'`;
}
