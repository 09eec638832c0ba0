// The typed syntax tree of a STIX 2.1 pattern (spec section 9); every node is a plain, JSON-like value.

/** A whole pattern is one observation expression (possibly compound). */
export type Pattern = ObservationExpression;

export type ObservationExpression =
  | Observation
  | ObservationAnd
  | ObservationOr
  | FollowedBy
  | Within
  | Repeats
  | StartStop;

/** `[ … ]`: comparison expressions evaluated against one observed-data object. */
export interface Observation {
  kind: 'observation';
  comparison: ComparisonExpression;
}

/**
 * Observation operators are n-ary (two or more operands) so a long chain is a flat list, not a deep tree:
 * a deep tree would overflow the stack in every recursive pass. A parenthesised group of the same operator
 * stays nested, so the tree records the grouping as written.
 */
export interface ObservationAnd {
  kind: 'observationAnd';
  operands: ObservationExpression[];
}

export interface ObservationOr {
  kind: 'observationOr';
  operands: ObservationExpression[];
}

export interface FollowedBy {
  kind: 'followedBy';
  operands: ObservationExpression[];
}

export interface Within {
  kind: 'within';
  operand: ObservationExpression;
  /** A positive integer or float constant. */
  seconds: IntegerConstant | FloatConstant;
}

export interface Repeats {
  kind: 'repeats';
  operand: ObservationExpression;
  times: IntegerConstant;
}

export interface StartStop {
  kind: 'startStop';
  operand: ObservationExpression;
  start: TimestampConstant;
  stop: TimestampConstant;
}

export type Qualifier = Within | Repeats | StartStop;

export type ComparisonExpression = ComparisonAnd | ComparisonOr | Comparison | SetComparison | Exists;

export interface ComparisonAnd {
  kind: 'and';
  operands: ComparisonExpression[];
}

export interface ComparisonOr {
  kind: 'or';
  operands: ComparisonExpression[];
}

export type EqualityOperator = '=' | '!=';
export type OrderOperator = '<' | '<=' | '>' | '>=';
export type StringOperator = 'LIKE' | 'MATCHES';
export type SubnetOperator = 'ISSUBSET' | 'ISSUPERSET';
export type ComparisonOperator = EqualityOperator | OrderOperator | StringOperator | SubnetOperator;

/** `path [NOT] op constant`. */
export interface Comparison {
  kind: 'comparison';
  path: ObjectPath;
  operator: ComparisonOperator;
  negated: boolean;
  value: Constant;
}

/** `path [NOT] IN (c1, c2, …)`. */
export interface SetComparison {
  kind: 'in';
  path: ObjectPath;
  negated: boolean;
  values: Constant[];
}

/** `EXISTS path`. */
export interface Exists {
  kind: 'exists';
  path: ObjectPath;
}

export interface ObjectPath {
  kind: 'objectPath';
  objectType: string;
  /** The first step is always a property; the rest are properties, list indexes or `[*]`. */
  steps: PathStep[];
}

export type PathStep = PropertyStep | IndexStep | AnyIndexStep;

export interface PropertyStep {
  kind: 'property';
  name: string;
}

export interface IndexStep {
  kind: 'index';
  index: number;
}

export interface AnyIndexStep {
  kind: 'anyIndex';
}

export type Constant =
  | StringConstant
  | IntegerConstant
  | FloatConstant
  | BooleanConstant
  | HexConstant
  | BinaryConstant
  | TimestampConstant;

export interface StringConstant {
  kind: 'string';
  value: string;
}

/** `text` is the canonical decimal spelling (no `+`, no leading zeros); `value` is `Number(text)`. */
export interface IntegerConstant {
  kind: 'integer';
  text: string;
  value: number;
}

/** `text` is the canonical spelling: at least one digit each side of the point, no `+`, no redundant zeros. */
export interface FloatConstant {
  kind: 'float';
  text: string;
  value: number;
}

export interface BooleanConstant {
  kind: 'boolean';
  value: boolean;
}

/** `h'…'`: the digits as written; the validator checks them. */
export interface HexConstant {
  kind: 'hex';
  text: string;
}

/** `b'…'`: the base64 text as written; the validator checks it. */
export interface BinaryConstant {
  kind: 'binary';
  text: string;
}

/** `t'…'`: the timestamp text as written; the validator checks it. */
export interface TimestampConstant {
  kind: 'timestamp';
  text: string;
}

export type Node = ObservationExpression | ComparisonExpression | ObjectPath | PathStep | Constant;

/** Compile-time exhaustiveness: a new node kind fails to build until every switch handles it. */
export function assertNever(value: never): never {
  throw new TypeError(`Unhandled pattern node: ${JSON.stringify(value)}`);
}
