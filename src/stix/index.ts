// Public API of the STIX 2.1 model and validator.
export { validateObject } from './validate/object.ts';
export { validateBundle } from './validate/bundle.ts';
export { computeScoId, canonicalJson, uuidV5, SCO_NAMESPACE } from './ids.ts';
export { RULES, hasErrors, makeProblem } from './problem.ts';
export type { Problem, Rule, RuleCode, Severity } from './problem.ts';
export {
  TYPES, SDO_TYPE_NAMES, SRO_TYPE_NAMES, SCO_TYPE_NAMES, META_TYPE_NAMES, COMMON_PROPERTIES, SCO_ID_CONTRIBUTING,
  TLP1_MARKINGS, TLP2_EXTENSION_ID, TLP2_MARKINGS, TLP_MARKING_DEFINITIONS, vocabularies,
} from './types/index.ts';
export type { Category, Kind, Shape, TypeSpec, Vocabulary } from './types/index.ts';
