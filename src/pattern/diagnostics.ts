// The PatternDiagnostic type and the catalog of every diagnostic code, its severity and spec section.

export type PatternSeverity = 'error' | 'warning';

export interface PatternDiagnostic {
  severity: PatternSeverity;
  /** Stable code from DIAGNOSTIC_CATALOG, e.g. `syntax-error`, `unknown-property`. */
  code: string;
  /** One sentence a person can act on, without the position. */
  message: string;
  line: number;
  column: number;
}

export interface CatalogEntry {
  severity: PatternSeverity;
  /** STIX 2.1 specification section the rule comes from. */
  spec: string;
  summary: string;
}

export const DIAGNOSTIC_CATALOG = {
  'syntax-error': { severity: 'error', spec: '9', summary: 'The text does not follow the pattern grammar.' },
  'limit-exceeded': {
    severity: 'error',
    spec: '9',
    summary: 'The pattern is longer or nests deeper than Tocsin accepts.',
  },
  'internal-error': {
    severity: 'error',
    spec: '9',
    summary: 'Tocsin failed while checking the pattern (a bug); the pattern is treated as invalid.',
  },
  'invalid-timestamp': {
    severity: 'error',
    spec: '9.2',
    summary: "A t'…' constant is not a valid UTC timestamp such as 2016-06-01T00:00:00Z.",
  },
  'invalid-hex': { severity: 'error', spec: '9.2', summary: "An h'…' constant is not an even number of hex digits." },
  'invalid-binary': { severity: 'error', spec: '9.2', summary: "A b'…' constant is not valid base64." },
  'integer-out-of-range': {
    severity: 'error',
    spec: '2.7',
    summary: 'An integer constant is outside -(2^53)+1 … 2^53-1.',
  },
  'float-out-of-range': { severity: 'error', spec: '2.5', summary: 'A float constant does not fit a double.' },
  'invalid-cidr': {
    severity: 'error',
    spec: '9.6.1',
    summary: 'The constant of ISSUBSET/ISSUPERSET is not an IPv4 or IPv6 address or CIDR block.',
  },
  'invalid-regex': {
    severity: 'error',
    spec: '9.6.1',
    summary: 'The MATCHES regular expression is malformed or uses a feature the linear-time engine lacks.',
  },
  'invalid-path': {
    severity: 'error',
    spec: '9.7',
    summary: 'The object path cannot reach anything: a property of a list or plain value, or an index on a non-list.',
  },
  'type-mismatch': {
    severity: 'error',
    spec: '9.6.1',
    summary: 'The constant cannot be compared with the property (e.g. a string against an integer property).',
  },
  'operator-mismatch': {
    severity: 'error',
    spec: '9.6.1',
    summary: 'The operator does not apply to the property (e.g. LIKE on a number, ISSUBSET on a non-address).',
  },
  'mixed-set': { severity: 'error', spec: '9.6.1', summary: 'The constants of an IN set are not all of one type.' },
  'and-object-types': {
    severity: 'error',
    spec: '9.5',
    summary: 'AND joins comparisons on different object types, which no single object can satisfy.',
  },
  'start-not-before-stop': {
    severity: 'error',
    spec: '9.5.1',
    summary: 'START is not earlier than STOP, so no observation can match.',
  },
  'repeats-not-positive': { severity: 'error', spec: '9.5.1', summary: 'REPEATS needs a positive integer.' },
  'within-not-positive': { severity: 'error', spec: '9.5.1', summary: 'WITHIN needs a positive number of seconds.' },
  'duplicate-qualifier': {
    severity: 'error',
    spec: '9.5.1',
    summary: 'An observation expression carries two qualifiers of the same type.',
  },
  'unknown-object-type': {
    severity: 'warning',
    spec: '6',
    summary: 'The object type is not defined by STIX 2.1 (legal for custom objects).',
  },
  'unknown-property': {
    severity: 'warning',
    spec: '6',
    summary: 'The property is not defined for this STIX 2.1 object type (legal for custom properties).',
  },
  'octets-against-text': {
    severity: 'warning',
    spec: '9.6.4',
    summary: "A hex or binary constant is compared with a text property, whose characters are then read as octets.",
  },
  'negative-index': {
    severity: 'warning',
    spec: '9.7.2',
    summary: 'A negative list index is never in range, so the comparison is always false.',
  },
  'cidr-host-bits': {
    severity: 'warning',
    spec: '9.6.1',
    summary: 'The CIDR block has bits set after its prefix; they are ignored.',
  },
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CATALOG;

export function diagnostic(code: DiagnosticCode, message: string, line: number, column: number): PatternDiagnostic {
  return { severity: DIAGNOSTIC_CATALOG[code].severity, code, message, line, column };
}

export function hasErrors(diagnostics: readonly PatternDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
