// §7 STIX Meta Objects (language-content, marking-definition, extension-definition), §8 bundle, and the TLP markings.
import { defineType } from './common.ts';
import { anyValue, dictOf, en, list, ref, shape, str, strings, timestamp, type TypeSpec } from './model.ts';
import { EXTENSION_TYPE } from './vocab.ts';

export const META_TYPES: readonly TypeSpec[] = [
  defineType('meta', 'language-content', '7.1', shape('language-content', '7.1',
    { object_ref: ref(), contents: dictOf(dictOf(anyValue)) },
    { object_modified: timestamp }), { common: 'language-content' }),
  defineType('meta', 'marking-definition', '7.2.1', shape('marking-definition', '7.2.1', {},
    { name: str, definition_type: str, definition: anyValue }), { common: 'marking-definition' }),
  defineType('meta', 'extension-definition', '7.3', shape('extension-definition', '7.3',
    { name: str, schema: str, version: str, extension_types: list(en(EXTENSION_TYPE)) },
    { description: str, extension_properties: strings }), { common: 'extension-definition' }),
  defineType('bundle', 'bundle', '8', shape('bundle', '8', {}, { objects: list(anyValue) }), { common: 'bundle' }),
];

/** §7.2.1.4: the four TLP 1.0 marking definitions; a `tlp` marking MUST be one of these, verbatim. */
export const TLP1_MARKINGS: ReadonlyMap<string, string> = new Map([
  ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', 'white'],
  ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', 'green'],
  ['marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', 'amber'],
  ['marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed', 'red'],
]);
/** The common `created` timestamp of the TLP 1.0 marking definitions. */
export const TLP1_CREATED = '2017-01-20T00:00:00.000Z';

/** The TLP 2.0 extension definition (oasis-open/cti-stix-common-objects, `tlp-2.0`). */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
/** The five TLP 2.0 marking definitions, by id, with their `tlp_2_0` level. */
export const TLP2_MARKINGS: ReadonlyMap<string, string> = new Map([
  ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', 'clear'],
  ['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'green'],
  ['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'amber'],
  ['marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', 'amber+strict'],
  ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', 'red'],
]);

/** The created timestamp of the published TLP 2.0 marking definitions. */
export const TLP2_CREATED = '2022-10-01T00:00:00.000Z';

/** The predefined TLP marking-definition objects (TLP 1.0 per §7.2.1.4, TLP 2.0 per the extension), ready to store. */
export const TLP_MARKING_DEFINITIONS: readonly Readonly<Record<string, unknown>>[] = [
  ...[...TLP1_MARKINGS].map(([id, level]) => ({
    type: 'marking-definition', spec_version: '2.1', id, created: TLP1_CREATED, definition_type: 'tlp',
    name: `TLP:${level.toUpperCase()}`, definition: { tlp: level },
  })),
  ...[...TLP2_MARKINGS].map(([id, level]) => ({
    type: 'marking-definition', spec_version: '2.1', id, created: TLP2_CREATED, name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  })),
];
