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

export interface Rule {
  readonly severity: Severity;
  /** Default spec section; a finding may cite a more specific one. */
  readonly spec: string;
  /** One line: what the rule demands. */
  readonly summary: string;
}

/** The STIX validation rule catalog: every code `validateObject` can emit. docs/errors.md explains each. */
export const RULES = {
  'not-an-object': { severity: 'error', spec: '3.2', summary: 'A STIX object must be a JSON object.' },
  'required-property': { severity: 'error', spec: '3.1', summary: 'A property the object type requires is missing.' },
  'property-type': { severity: 'error', spec: '2', summary: 'A property value has the wrong JSON type for its STIX data type.' },
  'empty-list': { severity: 'error', spec: '2.12', summary: 'Lists must have at least one value.' },
  'empty-dictionary': { severity: 'error', spec: '2.3', summary: 'Dictionaries must have at least one key.' },
  'dictionary-key': { severity: 'error', spec: '2.3', summary: 'Dictionary keys are ASCII letters, digits, hyphen and underscore, at most 250 characters.' },
  'value-range': { severity: 'error', spec: '2.10', summary: 'A number is outside the range the property allows.' },
  'enum-value': { severity: 'error', spec: '2.4', summary: 'A closed enumeration property has a value outside the enumeration.' },
  'vocab-value': { severity: 'warning', spec: '2.14', summary: 'An open-vocabulary property has a value outside the suggested vocabulary.' },
  'id-format': { severity: 'error', spec: '2.9', summary: 'An id must be `type--UUID` with an RFC 4122 UUID.' },
  'id-type-mismatch': { severity: 'error', spec: '2.9', summary: 'The type prefix of the id must equal the object type.' },
  'id-uuid-version': { severity: 'warning', spec: '2.9', summary: 'SDOs, SROs, meta objects and bundles should use UUIDv4 ids.' },
  'sco-id-version': { severity: 'error', spec: '2.9', summary: 'An SCO with none of its ID contributing properties must use a UUIDv4 id.' },
  'sco-versioned-namespace': { severity: 'error', spec: '3.6', summary: 'A versioned SCO must not use the default namespace for its deterministic id.' },
  'sco-id-mismatch': { severity: 'warning', spec: '2.9', summary: 'An SCO id differs from the deterministic UUIDv5 of its ID contributing properties.' },
  'ref-format': { severity: 'error', spec: '2.9', summary: 'A reference (`*_ref`, `*_refs`) must be an identifier `type--UUID`.' },
  'ref-target-type': { severity: 'error', spec: '3.3', summary: 'A reference points at an object type the property does not allow.' },
  'spec-version': { severity: 'error', spec: '3.2', summary: 'spec_version must be "2.1".' },
  'timestamp-format': { severity: 'error', spec: '2.16', summary: 'Timestamps are RFC 3339 in UTC: YYYY-MM-DDTHH:mm:ss[.s+]Z.' },
  'timestamp-precision': { severity: 'error', spec: '3.2', summary: 'created and modified need at least millisecond precision.' },
  'time-order': { severity: 'error', spec: '3.6.1', summary: 'A later timestamp of a pair is earlier than the first one.' },
  'hex-format': { severity: 'error', spec: '2.8', summary: 'Hex values are an even number of lowercase hexadecimal digits.' },
  'binary-format': { severity: 'error', spec: '2.1', summary: 'Binary values are base64-encoded.' },
  'hash-value': { severity: 'error', spec: '2.7', summary: 'A hash value does not have the format of its algorithm.' },
  'hash-algorithm-unknown': { severity: 'warning', spec: '2.7', summary: 'A hash algorithm name is not in hash-algorithm-ov.' },
  'external-reference-content': { severity: 'error', spec: '2.5.2', summary: 'An external reference needs description, url or external_id besides source_name.' },
  'external-id-format': { severity: 'error', spec: '4.1', summary: 'CAPEC and CVE external references need a CAPEC-/CVE- external_id.' },
  'lang-format': { severity: 'error', spec: '3.2', summary: 'lang must be an RFC 5646 language tag.' },
  'circular-marking': { severity: 'error', spec: '3.2', summary: 'A marking definition must not mark itself.' },
  'granular-marking-content': { severity: 'error', spec: '7.2.3.1', summary: 'A granular marking has exactly one of marking_ref and lang.' },
  'selector-syntax': { severity: 'error', spec: '7.2.3.1', summary: 'A granular-marking selector is not a valid selector path.' },
  'selector-unresolved': { severity: 'error', spec: '7.2.3.1', summary: 'A granular-marking selector does not point at anything in the object.' },
  'extension-key': { severity: 'error', spec: '3.2', summary: 'An extensions key must be an extension-definition id or an `-ext` name.' },
  'extension-type-missing': { severity: 'error', spec: '3.2', summary: 'An extension-definition extension must carry extension_type.' },
  'extension-type-mismatch': { severity: 'error', spec: '7.3', summary: 'The extension_type does not fit the object (new-sdo/new-sco/new-sro only on new types).' },
  'custom-extension': { severity: 'warning', spec: '11.3', summary: 'A custom `-ext` extension uses the deprecated customization mechanism.' },
  'property-not-applicable': { severity: 'warning', spec: '3.2', summary: 'A common property is listed as not applicable to this object type.' },
  'defanged-not-sco': { severity: 'error', spec: '3.2', summary: 'defanged must only be used on SCOs.' },
  'reserved-property-name': { severity: 'error', spec: '3.8', summary: 'Reserved property names must not be used.' },
  'property-name': { severity: 'error', spec: '3.1', summary: 'A property name breaks the naming rules (3–250 chars: a lowercase letter, then a-z, 0-9, underscore).' },
  'custom-property-prefix': { severity: 'warning', spec: '11.1', summary: 'An undefined property should be an `x_` custom property or come from a toplevel-property-extension.' },
  'custom-property-value': { severity: 'warning', spec: '3.1', summary: 'A custom property named `_ref`/`_refs`/`_hex`/`_bin` does not hold that kind of value.' },
  'type-name': { severity: 'error', spec: '3.1', summary: 'A type name breaks the naming rules (3–250 chars, lowercase letter first, a-z, 0-9, hyphen).' },
  'custom-type-prefix': { severity: 'warning', spec: '11.2', summary: 'An undefined object type should be `x-` prefixed or defined by an extension-definition.' },
  'enc-without-base': { severity: 'error', spec: '3.1', summary: 'An `_enc` property must not be present without its base property.' },
  'one-of-required': { severity: 'error', spec: '3.1', summary: 'At least one of a set of properties must be present.' },
  'mutually-exclusive': { severity: 'error', spec: '3.1', summary: 'Two properties must not be present together.' },
  'property-dependency': { severity: 'error', spec: '3.1', summary: 'A property is present (or has a value) that requires another one.' },
  'relationship-endpoint': { severity: 'error', spec: '5.1', summary: 'A relationship or sighting endpoint has a type it cannot connect.' },
  'relationship-type-format': { severity: 'error', spec: '5.1', summary: 'relationship_type must be non-empty ASCII of a-z, 0-9 and hyphen.' },
  'tlp-marking': { severity: 'error', spec: '7.2.1.4', summary: 'A TLP marking definition must be one of the predefined TLP objects.' },
  'marking-definition-content': { severity: 'error', spec: '7.2.1', summary: 'A marking definition needs definition_type with definition, or an extension.' },
  'pattern-invalid': { severity: 'error', spec: '9', summary: 'A STIX pattern does not parse or breaks a patterning rule.' },
  'pattern-warning': { severity: 'warning', spec: '9', summary: 'A STIX pattern parses but is questionable.' },
  'bundle-type': { severity: 'error', spec: '8', summary: 'A bundle must have type "bundle".' },
  'validator-failure': { severity: 'error', spec: '3.2', summary: 'The validator hit an internal fault on this object.' },
  'mac-format': { severity: 'error', spec: '6.10', summary: 'A MAC address must be colon-delimited, lowercase MAC-48 with leading zeros.' },
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;

export function makeProblem(
  code: RuleCode,
  objectId: string | null,
  path: string,
  message: string,
  spec?: string,
): Problem {
  const rule: Rule = RULES[code];
  return { code, severity: rule.severity, objectId, path, spec: spec ?? rule.spec, message };
}
