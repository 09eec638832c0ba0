import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateObject } from '../../src/stix/index.ts';
import { expectProblem, IDENTITY, MALWARE, T0, VALID, versioned } from './helpers.ts';

type Case = [name: string, obj: () => unknown, code: string, path: string, severity: 'error' | 'warning'];

const malware = (props: Record<string, unknown>) => ({ ...VALID.malware!(), ...props });

const CASES: Case[] = [
  ['a non-object is rejected', () => 42, 'not-an-object', '$', 'error'],
  ['a missing type is reported', () => { const m = malware({}); delete m.type; return m; }, 'required-property', '$.type', 'error'],
  ['a missing created is reported', () => { const m = malware({}); delete m.created; return m; }, 'required-property', '$.created', 'error'],
  ['a missing spec_version on an SDO is reported', () => { const m = malware({}); delete m.spec_version; return m; }, 'required-property', '$.spec_version', 'error'],
  ['an id without a UUID is malformed', () => malware({ id: 'malware--1234' }), 'id-format', '$.id', 'error'],
  ['an id with an uppercase type is malformed', () => malware({ id: 'Malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b' }), 'id-format', '$.id', 'error'],
  ['an id with a non-RFC-4122 variant is malformed', () => malware({ id: 'malware--31b940d4-6f7f-459a-c0ea-9c1f17b5891b' }), 'id-format', '$.id', 'error'],
  ['an id whose prefix is another type is a mismatch', () => malware({ id: 'tool--31b940d4-6f7f-459a-80ea-9c1f17b5891b' }), 'id-type-mismatch', '$.id', 'error'],
  ['an SDO with a UUIDv1 id gets a warning', () => malware({ id: 'malware--31b940d4-6f7f-159a-80ea-9c1f17b5891b' }), 'id-uuid-version', '$.id', 'warning'],
  ['spec_version other than 2.1 is an error', () => malware({ spec_version: '2.0' }), 'spec-version', '$.spec_version', 'error'],
  ['a timestamp with an offset is malformed', () => malware({ created: '2016-04-06T20:03:00.000+01:00', modified: '2016-04-06T20:03:00.000+01:00' }), 'timestamp-format', '$.created', 'error'],
  ['a timestamp on 30 February is malformed', () => malware({ first_seen: '2016-02-30T00:00:00Z' }), 'timestamp-format', '$.first_seen', 'error'],
  ['a timestamp with a bare decimal point is malformed', () => malware({ first_seen: '2016-02-03T00:00:00.Z' }), 'timestamp-format', '$.first_seen', 'error'],
  ['created without milliseconds lacks precision', () => malware({ created: '2016-04-06T20:03:00Z', modified: '2016-04-06T20:03:00Z' }), 'timestamp-precision', '$.created', 'error'],
  ['modified with one fractional digit lacks precision', () => malware({ modified: '2016-04-06T20:03:00.1Z' }), 'timestamp-precision', '$.modified', 'error'],
  ['modified before created is out of order', () => malware({ created: '2016-04-06T20:03:00.001Z', modified: T0 }), 'time-order', '$.modified', 'error'],
  ['created_by_ref pointing at a malware is the wrong target', () => malware({ created_by_ref: MALWARE }), 'ref-target-type', '$.created_by_ref', 'error'],
  ['created_by_ref that is not an identifier is malformed', () => malware({ created_by_ref: 'ACME' }), 'ref-format', '$.created_by_ref', 'error'],
  ['revoked must be a boolean', () => malware({ revoked: 'yes' }), 'property-type', '$.revoked', 'error'],
  ['labels must be a list', () => malware({ labels: 'evil' }), 'property-type', '$.labels', 'error'],
  ['an empty labels list is an error', () => malware({ labels: [] }), 'empty-list', '$.labels', 'error'],
  ['a non-string label is reported at its index', () => malware({ labels: ['a', 7] }), 'property-type', '$.labels[1]', 'error'],
  ['confidence above 100 is out of range', () => malware({ confidence: 101 }), 'value-range', '$.confidence', 'error'],
  ['confidence below 0 is out of range', () => malware({ confidence: -1 }), 'value-range', '$.confidence', 'error'],
  ['a fractional confidence is not an integer', () => malware({ confidence: 50.5 }), 'property-type', '$.confidence', 'error'],
  ['lang must be an RFC 5646 tag', () => malware({ lang: 'english please' }), 'lang-format', '$.lang', 'error'],
  ['an external reference needs source_name', () => malware({ external_references: [{ url: 'https://x' }] }), 'required-property', '$.external_references[0].source_name', 'error'],
  ['an external reference with only source_name is incomplete', () => malware({ external_references: [{ source_name: 'acme' }] }), 'external-reference-content', '$.external_references[0]', 'error'],
  ['an external reference MD5 must be 32 hex digits', () => malware({ external_references: [{ source_name: 'a', url: 'https://x', hashes: { MD5: 'abc' } }] }), 'hash-value', '$.external_references[0].hashes.MD5', 'error'],
  ['a CAPEC reference needs a CAPEC- id', () => ({ ...VALID['attack-pattern']!(), external_references: [{ source_name: 'capec', external_id: '163' }] }), 'external-id-format', '$.external_references[0].external_id', 'error'],
  ['a CVE reference needs a CVE- id', () => ({ ...VALID.vulnerability!(), external_references: [{ source_name: 'cve', external_id: 'CVE-16-1' }] }), 'external-id-format', '$.external_references[0].external_id', 'error'],
  ['object_marking_refs must reference marking definitions', () => malware({ object_marking_refs: [IDENTITY] }), 'ref-target-type', '$.object_marking_refs[0]', 'error'],
  ['defanged is for SCOs only', () => malware({ defanged: true }), 'defanged-not-sco', '$.defanged', 'error'],
  ['a common property not applicable to the type gets a warning', () => { const m = VALID['marking-definition']!(); m.modified = T0; return m; }, 'property-not-applicable', '$.modified', 'warning'],
  ['a kill chain phase needs phase_name', () => malware({ kill_chain_phases: [{ kill_chain_name: 'lockheed' }] }), 'required-property', '$.kill_chain_phases[0].phase_name', 'error'],
  ['a closed enumeration rejects other values', () => ({ ...VALID.opinion!(), opinion: 'maybe' }), 'enum-value', '$.opinion', 'error'],
  ['an open vocabulary accepts other values with a warning', () => malware({ malware_types: ['cryptominer'] }), 'vocab-value', '$.malware_types[0]', 'warning'],
  ['a reserved property name is an error', () => malware({ severity: 'high' }), 'reserved-property-name', '$.severity', 'error'],
];

for (const [name, build, code, path, severity] of CASES) {
  test(name, () => {
    expectProblem(build(), code, path, severity);
  });
}

test('the message names the offending value', () => {
  const p = expectProblem(malware({ confidence: 250 }), 'value-range', '$.confidence', 'error');
  assert.match(p.message, /250/);
  assert.equal(p.spec, '3.2');
});

test('problems carry the object id', () => {
  const m = malware({ confidence: 250 });
  assert.equal(validateObject(m)[0]!.objectId, m.id);
});

test('all problems are collected, not just the first', () => {
  const codes = validateObject(malware({ confidence: 250, labels: [], lang: '??' })).map((p) => p.code).sort();
  assert.deepEqual(codes, ['empty-list', 'lang-format', 'value-range']);
});

test('timestamps with more than millisecond precision are accepted and compared exactly', () => {
  assert.deepEqual(validateObject(malware({ created: '2016-04-06T20:03:00.0001Z', modified: '2016-04-06T20:03:00.00011Z' })), []);
  expectProblem(malware({ created: '2016-04-06T20:03:00.0002Z', modified: '2016-04-06T20:03:00.00011Z' }), 'time-order', '$.modified', 'error');
});

test('validation does not throw on hostile input', () => {
  const cyclic: Record<string, unknown> = versioned('malware', { is_family: true, name: 'x' });
  cyclic.x_self = cyclic;
  for (const input of [null, undefined, 'str', [], [1], { type: 5 }, { type: 'x' }, cyclic,
    { type: 'malware', labels: [[[]]], external_references: [null], granular_markings: 'x', extensions: [] }]) {
    assert.ok(Array.isArray(validateObject(input)));
  }
});
