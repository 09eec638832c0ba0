// fast-check generators of pattern trees and pattern-like text, shared by the property tests.
import fc from 'fast-check';
import type {
  ComparisonExpression,
  Constant,
  ObjectPath,
  ObservationExpression,
  PathStep,
  TimestampConstant,
} from '../../src/pattern/ast.ts';
import { floatConstant, integerConstant } from '../../src/pattern/parser.ts';

/** Records with an ordinary prototype, so they deep-equal the parser's object literals. */
function rec<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true });
}

const objectType = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,12}$/).filter((s) => s !== 'true' && s !== 'false');

const propertyName = fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), fc.string({ maxLength: 8 }));

const step: fc.Arbitrary<PathStep> = fc.oneof(
  propertyName.map((name): PathStep => ({ kind: 'property', name })),
  fc.integer({ min: -5, max: 1000 }).map((index): PathStep => ({ kind: 'index', index })),
  fc.constant<PathStep>({ kind: 'anyIndex' }),
);

export const objectPath: fc.Arbitrary<ObjectPath> = fc
  .tuple(objectType, propertyName, fc.array(step, { maxLength: 4 }))
  .map(([type, first, rest]) => ({ kind: 'objectPath', objectType: type, steps: [{ kind: 'property', name: first }, ...rest] }));

const timestamp: fc.Arbitrary<TimestampConstant> = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => ({ kind: 'timestamp', text: d.toISOString() }));

const integer = fc.integer().map((n) => integerConstant(String(n)));
const float = fc
  .tuple(fc.constantFrom('', '-'), fc.stringMatching(/^\d{1,6}$/), fc.stringMatching(/^\d{1,6}$/))
  .map(([sign, whole, fraction]) => floatConstant(`${sign}${whole}.${fraction}`));

export const constant: fc.Arbitrary<Constant> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }).map((value): Constant => ({ kind: 'string', value })),
  integer,
  float,
  fc.boolean().map((value): Constant => ({ kind: 'boolean', value })),
  fc.stringMatching(/^(?:[0-9a-f]{2}){0,6}$/).map((text): Constant => ({ kind: 'hex', text })),
  fc.uint8Array({ maxLength: 9 }).map((bytes): Constant => ({ kind: 'binary', text: Buffer.from(bytes).toString('base64') })),
  timestamp,
);

const orderable = constant.filter((c) => c.kind !== 'boolean');
const stringConstant = fc.string({ maxLength: 10 }).map((value): Constant => ({ kind: 'string', value }));

const leaf: fc.Arbitrary<ComparisonExpression> = fc.oneof(
  rec({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    operator: fc.constantFrom('=' as const, '!=' as const),
    negated: fc.boolean(),
    value: constant,
  }),
  rec({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    operator: fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const),
    negated: fc.boolean(),
    value: orderable,
  }),
  rec({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    operator: fc.constantFrom('LIKE' as const, 'MATCHES' as const, 'ISSUBSET' as const, 'ISSUPERSET' as const),
    negated: fc.boolean(),
    value: stringConstant,
  }),
  rec({
    kind: fc.constant('in' as const),
    path: objectPath,
    negated: fc.boolean(),
    values: fc.array(constant, { maxLength: 3 }),
  }),
  rec({ kind: fc.constant('exists' as const), path: objectPath }),
);

const positiveSeconds = fc.oneof(
  fc.integer({ min: 1, max: 100000 }).map((n) => integerConstant(String(n))),
  float,
);

export const pattern: fc.Arbitrary<ObservationExpression> = fc.letrec<{
  comparison: ComparisonExpression;
  observation: ObservationExpression;
}>((tie) => ({
  comparison: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    rec({ kind: fc.constant('and' as const), operands: fc.array(tie('comparison'), { minLength: 2, maxLength: 3 }) }),
    rec({ kind: fc.constant('or' as const), operands: fc.array(tie('comparison'), { minLength: 2, maxLength: 3 }) }),
  ),
  observation: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    rec({ kind: fc.constant('observation' as const), comparison: tie('comparison') }),
    rec({ kind: fc.constant('observationAnd' as const), operands: fc.array(tie('observation'), { minLength: 2, maxLength: 3 }) }),
    rec({ kind: fc.constant('observationOr' as const), operands: fc.array(tie('observation'), { minLength: 2, maxLength: 3 }) }),
    rec({ kind: fc.constant('followedBy' as const), operands: fc.array(tie('observation'), { minLength: 2, maxLength: 3 }) }),
    rec({ kind: fc.constant('within' as const), operand: tie('observation'), seconds: positiveSeconds }),
    rec({
      kind: fc.constant('repeats' as const),
      operand: tie('observation'),
      times: fc.integer({ min: 1, max: 20 }).map((n) => integerConstant(String(n))),
    }),
    rec({ kind: fc.constant('startStop' as const), operand: tie('observation'), start: timestamp, stop: timestamp }),
  ),
})).observation;

/** Text built from pattern tokens in random order: mostly invalid, but close enough to reach deep parser states. */
export const patternLikeText: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      '[', ']', '(', ')', ':', '.', ',', '*', '=', '!=', '<', '>=', ' ', '\n', "'", "\\'", 'file', 'name', 'x-a',
      "'v'", "'SHA-256'", '5', '-1', '1.5', '.5', 'true', "h'ff'", "b'AA=='", "t'2016-01-01T00:00:00Z'", "t'bad'",
      'AND', 'OR', 'NOT', 'IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET', 'EXISTS', 'FOLLOWEDBY', 'WITHIN',
      'SECONDS', 'REPEATS', 'TIMES', 'START', 'STOP', '/*', '*/', '//', '[*]', '[0]', 'and', '\u00a0', '😀',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
