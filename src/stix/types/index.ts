// The model registry: every object type the specification defines, by type name.
import { META_TYPES } from './meta.ts';
import type { TypeSpec } from './model.ts';
import { SCO_TYPES } from './sco.ts';
import { SDO_TYPES } from './sdo.ts';
import { SRO_TYPES } from './sro.ts';

export const TYPES: ReadonlyMap<string, TypeSpec> = new Map(
  [...SDO_TYPES, ...SRO_TYPES, ...SCO_TYPES, ...META_TYPES].map((t) => [t.type, t]),
);

export const SDO_TYPE_NAMES: ReadonlySet<string> = new Set(SDO_TYPES.map((t) => t.type));
export const SCO_TYPE_NAMES: ReadonlySet<string> = new Set(SCO_TYPES.map((t) => t.type));
export const SRO_TYPE_NAMES: ReadonlySet<string> = new Set(SRO_TYPES.map((t) => t.type));
export const META_TYPE_NAMES: ReadonlySet<string> = new Set(META_TYPES.map((t) => t.type));

export { COMMON_PROPERTIES } from './common.ts';
export { SCO_ID_CONTRIBUTING } from './sco.ts';
export { TLP1_MARKINGS, TLP2_EXTENSION_ID, TLP2_MARKINGS, TLP_MARKING_DEFINITIONS } from './meta.ts';
export type { Category, Kind, Shape, TypeSpec, Vocabulary } from './model.ts';
export * as vocabularies from './vocab.ts';
