import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TLP2_EXTENSION_ID, TLP_MARKING_DEFINITIONS, validateObject } from '../../src/stix/index.ts';
import { expectClean, expectProblem, IDENTITY, MARKING, VALID, versioned } from './helpers.ts';

type Case = [name: string, obj: () => unknown, code: string, path: string, severity: 'error' | 'warning'];
const indicator = (props: Record<string, unknown>) => ({ ...VALID.indicator!(), ...props });
const EXT = 'extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e';

const CASES: Case[] = [
  // §7.2.3 granular markings
  ['a granular marking needs marking_ref or lang', () => indicator({ granular_markings: [{ selectors: ['pattern'] }] }), 'granular-marking-content', '$.granular_markings[0]', 'error'],
  ['a granular marking must not have both marking_ref and lang', () => indicator({ granular_markings: [{ selectors: ['pattern'], marking_ref: MARKING, lang: 'en' }] }), 'granular-marking-content', '$.granular_markings[0]', 'error'],
  ['a granular marking_ref must be a marking definition', () => indicator({ granular_markings: [{ selectors: ['pattern'], marking_ref: IDENTITY }] }), 'ref-target-type', '$.granular_markings[0].marking_ref', 'error'],
  ['a granular marking needs selectors', () => indicator({ granular_markings: [{ marking_ref: MARKING }] }), 'required-property', '$.granular_markings[0].selectors', 'error'],
  ['a selector with an empty step is a syntax error', () => indicator({ granular_markings: [{ selectors: ['pattern..x'], marking_ref: MARKING }] }), 'selector-syntax', '$.granular_markings[0].selectors[0]', 'error'],
  ['a selector with an unclosed index is a syntax error', () => indicator({ labels: ['a'], granular_markings: [{ selectors: ['labels.[0'], marking_ref: MARKING }] }), 'selector-syntax', '$.granular_markings[0].selectors[0]', 'error'],
  ['a selector naming an absent property does not resolve', () => indicator({ granular_markings: [{ selectors: ['description'], marking_ref: MARKING }] }), 'selector-unresolved', '$.granular_markings[0].selectors[0]', 'error'],
  ['a selector index past the end does not resolve', () => indicator({ labels: ['a'], granular_markings: [{ selectors: ['labels.[1]'], marking_ref: MARKING }] }), 'selector-unresolved', '$.granular_markings[0].selectors[0]', 'error'],
  ['a granular marking lang must be a language tag', () => indicator({ granular_markings: [{ selectors: ['pattern'], lang: 'en_US!' }] }), 'lang-format', '$.granular_markings[0].lang', 'error'],
  // §7.2.1 marking definitions
  ['a marking definition must not mark itself', () => { const m = VALID['marking-definition']!(); m.object_marking_refs = [m.id]; return m; }, 'circular-marking', '$.object_marking_refs[0]', 'error'],
  ['a marking definition needs a definition or an extension', () => { const m = VALID['marking-definition']!(); delete m.definition; delete m.definition_type; return m; }, 'marking-definition-content', '$', 'error'],
  ['a statement marking needs a statement', () => ({ ...VALID['marking-definition']!(), definition: { text: 'x' } }), 'required-property', '$.definition.statement', 'error'],
  ['a TLP 1.0 marking must use the predefined id', () => ({ ...VALID['marking-definition']!(), definition_type: 'tlp', definition: { tlp: 'green' } }), 'tlp-marking', '$.id', 'error'],
  ['a TLP 1.0 level must be white, green, amber or red', () => ({ ...VALID['marking-definition']!(), definition_type: 'tlp', definition: { tlp: 'clear' } }), 'tlp-marking', '$.definition.tlp', 'error'],
  ['a TLP 2.0 marking must use the predefined id', () => ({ type: 'marking-definition', spec_version: '2.1', id: MARKING, created: '2022-10-01T00:00:00.000Z', name: 'TLP:GREEN', extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: 'green' } } }), 'tlp-marking', '$.id', 'error'],
  ['a TLP 2.0 marking must carry its predefined name', () => ({ type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', created: '2022-10-01T00:00:00.000Z', name: 'green', extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: 'green' } } }), 'tlp-marking', '$.name', 'error'],
  // §3.2/§7.3 extensions
  ['an extension-definition extension needs extension_type', () => indicator({ extensions: { [EXT]: { x: 1 } } }), 'extension-type-missing', `$.extensions["${EXT}"]`, 'error'],
  ['extension_type is a closed enumeration', () => indicator({ extensions: { [EXT]: { extension_type: 'new-thing' } } }), 'enum-value', `$.extensions["${EXT}"].extension_type`, 'error'],
  ['new-sdo extensions are only for new object types', () => indicator({ extensions: { [EXT]: { extension_type: 'new-sdo' } } }), 'extension-type-mismatch', `$.extensions["${EXT}"].extension_type`, 'error'],
  ['an extensions key must be an id or an -ext name', () => indicator({ extensions: { acme: { a: 1 } } }), 'extension-key', '$.extensions.acme', 'error'],
  ['an undefined -ext extension is a deprecated custom extension', () => indicator({ extensions: { 'x-acme-ext': { a: 1 } } }), 'custom-extension', '$.extensions["x-acme-ext"]', 'warning'],
  ['an empty extensions dictionary is an error', () => indicator({ extensions: {} }), 'empty-dictionary', '$.extensions', 'error'],
  ['extension-definition extension_types is a closed enumeration', () => ({ ...VALID['extension-definition']!(), extension_types: ['new-sdo', 'other'] }), 'enum-value', '$.extension_types[1]', 'error'],
  ['extension-definition needs created_by_ref', () => { const e = VALID['extension-definition']!(); delete e.created_by_ref; return e; }, 'required-property', '$.created_by_ref', 'error'],
  // §3.1, §11 custom content
  ['a custom property name with a hyphen breaks the naming rules', () => indicator({ 'x-acme-score': 1 }), 'property-name', '$["x-acme-score"]', 'error'],
  ['a custom property name shorter than 3 characters breaks the naming rules', () => indicator({ xy: 1 }), 'property-name', '$.xy', 'error'],
  ['an undefined property without x_ prefix warns', () => indicator({ descripton: 'typo' }), 'custom-property-prefix', '$.descripton', 'warning'],
  ['a custom _ref property that holds no identifier warns', () => indicator({ x_acme_owner_ref: '' }), 'custom-property-value', '$.x_acme_owner_ref', 'warning'],
  ['a custom type with invalid characters is an error', () => versioned('x_acme', {}), 'type-name', '$.type', 'error'],
  ['a custom type without x- prefix or extension warns', () => versioned('acme-widget', {}), 'custom-type-prefix', '$.type', 'warning'],
  ['a custom object still needs the common required properties', () => { const o = versioned('x-acme-widget', {}); delete o.created; return o; }, 'required-property', '$.created', 'error'],
  ['a custom object still has its common properties checked', () => versioned('x-acme-widget', { confidence: 1000 }), 'value-range', '$.confidence', 'error'],
  // §7.1 language content
  ['language-content contents keys must be language tags', () => ({ ...VALID['language-content']!(), contents: { 'not a tag': { name: 'x' } } }), 'lang-format', '$.contents["not a tag"]', 'error'],
];

for (const [name, build, code, path, severity] of CASES) {
  test(name, () => {
    expectProblem(build(), code, path, severity);
  });
}

test('custom x_ properties are accepted silently and left untouched', () => {
  const obj = indicator({ x_mitre_version: '1.0', x_acme_tags: ['a'], x_acme_nested: { deep: [1, { x: null }] } });
  const copy = structuredClone(obj);
  expectClean(obj);
  assert.deepEqual(obj, copy);
});

test('selectors resolve into nested lists and objects', () => {
  expectClean(indicator({
    external_references: [{ source_name: 'acme', url: 'https://x' }],
    granular_markings: [{ selectors: ['external_references.[0].source_name', 'pattern'], marking_ref: MARKING }],
  }));
});

test('a toplevel-property-extension makes its unprefixed properties legitimate', () => {
  expectClean(indicator({ rank: 5, extensions: { [EXT]: { extension_type: 'toplevel-property-extension' } } }));
});

test('a new-sdo extension defines a custom type without the x- prefix', () => {
  expectClean(versioned('acme-widget', { extensions: { [EXT]: { extension_type: 'new-sdo' } }, name: 'w' }));
});

test('a new-sco custom type behaves as an SCO: no created/modified needed', () => {
  expectClean({ type: 'acme-sensor', id: 'acme-sensor--6ba7b810-9dad-41d1-80b4-00c04fd430c8', extensions: { [EXT]: { extension_type: 'new-sco' } } });
});

test('the TLP 1.0 and TLP 2.0 predefined markings validate', () => {
  expectClean({ type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', created: '2017-01-20T00:00:00.000Z', definition_type: 'tlp', name: 'TLP:GREEN', definition: { tlp: 'green' } });
  expectClean({ type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', created: '2022-10-01T00:00:00.000Z', name: 'TLP:AMBER', extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: 'amber' } } });
});

test('extension problems are reported at the extension path, not thrown', () => {
  const problems = validateObject(indicator({ extensions: { 'ntfs-ext': 'x', [EXT]: [] } }));
  assert.ok(problems.every((p) => p.path.startsWith('$.extensions')));
  assert.equal(problems.length, 2);
});

test('the exported TLP 1.0 and 2.0 marking definitions are nine valid objects', () => {
  assert.equal(TLP_MARKING_DEFINITIONS.length, 9);
  for (const m of TLP_MARKING_DEFINITIONS) expectClean(m);
});

test('a custom property name with uppercase letters breaks the naming rules', () => {
  expectProblem({ ...VALID.indicator!(), x_acme_Score: 1 }, 'property-name', '$.x_acme_Score', 'error');
});
