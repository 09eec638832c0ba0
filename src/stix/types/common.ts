// §3.2 common properties, declared once, and which of them each kind of object requires, allows or excludes.
import {
  bool, extensions, externalReference, granularMarking, int, list, ref, str, strings, timestampMs,
  type Category, type Kind, type Shape, type TypeSpec,
} from './model.ts';

/** Every common property with its kind (§3.2). `type` and `id` are checked by dedicated rules. */
export const COMMON_PROPERTIES: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ['type', str],
  ['spec_version', str],
  ['id', str],
  ['created_by_ref', ref('identity')],
  ['created', timestampMs],
  ['modified', timestampMs],
  ['revoked', bool],
  ['labels', strings],
  ['confidence', int(0, 100, '3.2')],
  ['lang', str],
  ['external_references', list(externalReference)],
  ['object_marking_refs', list(ref('marking-definition'))],
  ['granular_markings', list(granularMarking)],
  ['defanged', bool],
  ['extensions', extensions],
]);

interface Applicability {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

const ALL = [...COMMON_PROPERTIES.keys()];

/** The §3.2 summary table, by column. */
const SDO_SRO: Applicability = {
  required: ['type', 'spec_version', 'id', 'created', 'modified'],
  optional: ['created_by_ref', 'revoked', 'labels', 'confidence', 'lang', 'external_references',
    'object_marking_refs', 'granular_markings', 'extensions'],
};
export const COMMON_BY_KIND: Readonly<Record<string, Applicability>> = {
  sdo: SDO_SRO,
  sro: SDO_SRO,
  sco: {
    required: ['type', 'id'],
    optional: ['spec_version', 'object_marking_refs', 'granular_markings', 'defanged', 'extensions'],
  },
  'extension-definition': {
    required: ['type', 'spec_version', 'id', 'created', 'modified', 'created_by_ref'],
    optional: ['revoked', 'labels', 'external_references', 'object_marking_refs', 'granular_markings'],
  },
  'language-content': {
    required: ['type', 'spec_version', 'id', 'created', 'modified'],
    optional: ['created_by_ref', 'revoked', 'labels', 'confidence', 'external_references', 'object_marking_refs',
      'granular_markings', 'extensions'],
  },
  'marking-definition': {
    required: ['type', 'spec_version', 'id', 'created'],
    optional: ['created_by_ref', 'external_references', 'object_marking_refs', 'granular_markings', 'extensions'],
  },
  bundle: { required: ['type', 'id'], optional: [] },
};

/**
 * Builds a type entry: the applicable common properties merged with the type's own tables.
 * `common` names a column of COMMON_BY_KIND (defaults to the category).
 */
export function defineType(
  category: Category,
  type: string,
  section: string,
  own: Shape,
  options: { common?: string; extensions?: ReadonlyMap<string, Shape> } = {},
): TypeSpec {
  const applicability = COMMON_BY_KIND[options.common ?? category]!;
  const props = new Map<string, Kind>();
  for (const name of applicability.required) props.set(name, COMMON_PROPERTIES.get(name)!);
  for (const name of applicability.optional) props.set(name, COMMON_PROPERTIES.get(name)!);
  for (const [name, kind] of own.props) props.set(name, kind);
  const notApplicable = new Set(ALL.filter((n) => !props.has(n)));
  const required = [...applicability.required, ...own.required.filter((n) => !applicability.required.includes(n))];
  const entries = new Map([...props].map(([name, kind]) => [name, { kind, path: `$.${name}`, required: required.includes(name) }]));
  return { type, category, section, name: type, props, entries, required, notApplicable, extensions: options.extensions };
}
