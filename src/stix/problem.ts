// A validation finding: what is wrong, where (object id + JSON path), which rule and spec section.
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Stable rule code, e.g. `id-format`, `required-property`; catalogued in docs/errors.md. */
  code: string;
  severity: Severity;
  /** The `id` of the object the problem is in, or null when the object has no usable id. */
  objectId: string | null;
  /** JSON path into the object, e.g. `$.external_references[0].source_name`. */
  path: string;
  /** STIX 2.1 specification section, e.g. `3.2` or `4.7`. */
  spec: string;
  message: string;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
