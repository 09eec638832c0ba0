import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectProblem, IDENTITY, INDICATOR, IPV4, MALWARE, MARKING, sco, T0, T1, VALID } from './helpers.ts';

type Case = [name: string, obj: () => unknown, code: string, path: string, severity: 'error' | 'warning'];
const make = (type: string, props: Record<string, unknown> = {}, drop: string[] = []) => {
  const o = { ...VALID[type]!(), ...props };
  for (const d of drop) delete o[d];
  return o;
};

const CASES: Case[] = [
  // §4 SDOs
  ['every SDO needs its required properties (attack-pattern name)', () => make('attack-pattern', {}, ['name']), 'required-property', '$.name', 'error'],
  ['indicator needs pattern_type', () => make('indicator', {}, ['pattern_type']), 'required-property', '$.pattern_type', 'error'],
  ['indicator needs valid_from', () => make('indicator', {}, ['valid_from']), 'required-property', '$.valid_from', 'error'],
  ['indicator valid_until must be after valid_from', () => make('indicator', { valid_until: T0 }), 'time-order', '$.valid_until', 'error'],
  ['indicator pattern_type outside the vocabulary is a warning', () => make('indicator', { pattern_type: 'kql' }), 'vocab-value', '$.pattern_type', 'warning'],
  ['campaign last_seen before first_seen', () => make('campaign', { first_seen: T1, last_seen: T0 }), 'time-order', '$.last_seen', 'error'],
  ['threat-actor last_seen before first_seen', () => make('threat-actor', { first_seen: T1, last_seen: T0 }), 'time-order', '$.last_seen', 'error'],
  ['malware with is_family true needs a name', () => make('malware', {}, ['name']), 'property-dependency', '$.name', 'error'],
  ['malware is_family must be a boolean', () => make('malware', { is_family: 'true' }), 'property-type', '$.is_family', 'error'],
  ['malware sample_refs must be files or artifacts', () => make('malware', { sample_refs: [IPV4] }), 'ref-target-type', '$.sample_refs[0]', 'error'],
  ['malware-analysis needs result or analysis_sco_refs', () => make('malware-analysis', {}, ['result']), 'one-of-required', '$', 'error'],
  ['location needs region, country or coordinates', () => make('location', {}, ['region']), 'one-of-required', '$', 'error'],
  ['location latitude beyond 90 is out of range', () => make('location', { latitude: 91, longitude: 0 }), 'value-range', '$.latitude', 'error'],
  ['location longitude beyond -180 is out of range', () => make('location', { latitude: 0, longitude: -180.5 }), 'value-range', '$.longitude', 'error'],
  ['location latitude needs longitude', () => make('location', { latitude: 10 }), 'property-dependency', '$.longitude', 'error'],
  ['location precision needs coordinates', () => make('location', { precision: 10 }), 'property-dependency', '$.latitude', 'error'],
  ['location region outside region-ov is a warning', () => make('location', { region: 'mordor' }), 'vocab-value', '$.region', 'warning'],
  ['observed-data number_observed must be at least 1', () => make('observed-data', { number_observed: 0 }), 'value-range', '$.number_observed', 'error'],
  ['observed-data number_observed must be at most 999999999', () => make('observed-data', { number_observed: 1_000_000_000 }), 'value-range', '$.number_observed', 'error'],
  ['observed-data last_observed before first_observed', () => make('observed-data', { first_observed: T1, last_observed: T0 }), 'time-order', '$.last_observed', 'error'],
  ['observed-data must not have both objects and object_refs', () => make('observed-data', { objects: { 0: { type: 'ipv4-addr', value: '1.2.3.4' } } }), 'mutually-exclusive', '$.object_refs', 'error'],
  ['observed-data needs objects or object_refs', () => make('observed-data', {}, ['object_refs']), 'one-of-required', '$', 'error'],
  ['observed-data object_refs must not point at SDOs', () => make('observed-data', { object_refs: [MALWARE] }), 'ref-target-type', '$.object_refs[0]', 'error'],
  ['report object_refs must not be empty', () => make('report', { object_refs: [] }), 'empty-list', '$.object_refs', 'error'],
  ['report needs published', () => make('report', {}, ['published']), 'required-property', '$.published', 'error'],
  ['grouping object_refs must not be empty', () => make('grouping', { object_refs: [] }), 'empty-list', '$.object_refs', 'error'],
  ['grouping needs context', () => make('grouping', {}, ['context']), 'required-property', '$.context', 'error'],
  ['note object_refs must not be empty', () => make('note', { object_refs: [] }), 'empty-list', '$.object_refs', 'error'],
  ['opinion object_refs must not be empty', () => make('opinion', { object_refs: [] }), 'empty-list', '$.object_refs', 'error'],
  ['identity sectors outside the vocabulary warn', () => make('identity', { sectors: ['space'] }), 'vocab-value', '$.sectors[0]', 'warning'],
  // §5 SROs
  ['relationship needs a target_ref', () => make('relationship', {}, ['target_ref']), 'required-property', '$.target_ref', 'error'],
  ['relationship_type must be lowercase and hyphenated', () => make('relationship', { relationship_type: 'Indicates' }), 'relationship-type-format', '$.relationship_type', 'error'],
  ['relationship source_ref must not be a relationship', () => make('relationship', { source_ref: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad' }), 'relationship-endpoint', '$.source_ref', 'error'],
  ['relationship target_ref must not be a marking definition', () => make('relationship', { target_ref: MARKING }), 'relationship-endpoint', '$.target_ref', 'error'],
  ['relationship stop_time must be after start_time', () => make('relationship', { start_time: T1, stop_time: T1 }), 'time-order', '$.stop_time', 'error'],
  ['sighting count must be at most 999999999', () => make('sighting', { count: 1_000_000_000 }), 'value-range', '$.count', 'error'],
  ['sighting count must not be negative', () => make('sighting', { count: -1 }), 'value-range', '$.count', 'error'],
  ['sighting last_seen before first_seen', () => make('sighting', { first_seen: T1, last_seen: T0 }), 'time-order', '$.last_seen', 'error'],
  ['sighting_of_ref must be an SDO', () => make('sighting', { sighting_of_ref: IPV4 }), 'relationship-endpoint', '$.sighting_of_ref', 'error'],
  ['where_sighted_refs must be identities or locations', () => make('sighting', { where_sighted_refs: [INDICATOR] }), 'ref-target-type', '$.where_sighted_refs[0]', 'error'],
  ['observed_data_refs must be observed-data', () => make('sighting', { observed_data_refs: [IDENTITY] }), 'ref-target-type', '$.observed_data_refs[0]', 'error'],
  // §6 SCOs
  ['file needs hashes or name', () => sco('file', { size: 10 }), 'one-of-required', '$', 'error'],
  ['file MD5 must be 32 hex digits', () => sco('file', { hashes: { MD5: 'd41d8cd98f00b204e9800998ecf8427' } }), 'hash-value', '$.hashes.MD5', 'error'],
  ['file SHA-1 must be 40 hex digits', () => sco('file', { hashes: { 'SHA-1': 'x'.repeat(40) } }), 'hash-value', '$.hashes["SHA-1"]', 'error'],
  ['file SHA-256 must be 64 hex digits', () => sco('file', { hashes: { 'SHA-256': 'ab'.repeat(31) } }), 'hash-value', '$.hashes["SHA-256"]', 'error'],
  ['file SHA-512 must be 128 hex digits', () => sco('file', { hashes: { 'SHA-512': 'ab'.repeat(32) } }), 'hash-value', '$.hashes["SHA-512"]', 'error'],
  ['file SSDEEP must be blocksize:hash:hash', () => sco('file', { hashes: { SSDEEP: 'not-ssdeep' } }), 'hash-value', '$.hashes.SSDEEP', 'error'],
  ['file TLSH must be 70 hex digits', () => sco('file', { hashes: { TLSH: 'T1abc' } }), 'hash-value', '$.hashes.TLSH', 'error'],
  ['a misspelt hash algorithm warns and is still checked', () => sco('file', { hashes: { sha256: 'zz' } }), 'hash-value', '$.hashes.sha256', 'error'],
  ['a misspelt hash algorithm gets a vocabulary warning', () => sco('file', { hashes: { sha256: 'a'.repeat(64) } }), 'hash-algorithm-unknown', '$.hashes.sha256', 'warning'],
  ['file size must not be negative', () => sco('file', { name: 'a', size: -1 }), 'value-range', '$.size', 'error'],
  ['file name_enc without name is an error', () => sco('file', { hashes: { MD5: 'd41d8cd98f00b204e9800998ecf8427e' }, name_enc: 'utf-8' }), 'enc-without-base', '$.name_enc', 'error'],
  ['file magic_number_hex must be lowercase hex', () => sco('file', { name: 'a', magic_number_hex: 'FFD8' }), 'hex-format', '$.magic_number_hex', 'error'],
  ['file parent_directory_ref must be a directory', () => sco('file', { name: 'a', parent_directory_ref: IPV4 }), 'ref-target-type', '$.parent_directory_ref', 'error'],
  ['an SCO id that is not the UUIDv5 of its properties warns', () => ({ ...sco('ipv4-addr', { value: '198.51.100.3' }), id: 'ipv4-addr--1e4ffad7-0b88-41d4-ba4d-77d27490b956' }), 'sco-id-mismatch', '$.id', 'warning'],
  ['a versioned SCO must not use the default namespace id', () => sco('url', { value: 'https://x/', created: T0, modified: T0 }), 'sco-versioned-namespace', '$.id', 'error'],
  ['an SCO without contributing properties must not use a UUIDv5 id', () => ({ type: 'process', id: 'process--6ba7b810-9dad-51d1-80b4-00c04fd430c8', pid: 4 }), 'sco-id-version', '$.id', 'error'],
  ['an SCO needs its required property', () => ({ type: 'url', id: 'url--6ba7b810-9dad-41d1-80b4-00c04fd430c8' }), 'required-property', '$.value', 'error'],
  ['artifact must not have both payload_bin and url', () => sco('artifact', { payload_bin: 'aGk=', url: 'https://x', hashes: { MD5: 'd41d8cd98f00b204e9800998ecf8427e' } }), 'mutually-exclusive', '$.url', 'error'],
  ['artifact url needs hashes', () => sco('artifact', { url: 'https://x' }), 'property-dependency', '$.hashes', 'error'],
  ['artifact payload_bin must be base64', () => sco('artifact', { payload_bin: 'not base64!' }), 'binary-format', '$.payload_bin', 'error'],
  ['artifact encryption_algorithm is a closed enumeration', () => sco('artifact', { payload_bin: 'aGk=', encryption_algorithm: 'rot13' }), 'enum-value', '$.encryption_algorithm', 'error'],
  ['network-traffic needs src_ref or dst_ref', () => sco('network-traffic', { protocols: ['tcp'] }), 'one-of-required', '$', 'error'],
  ['network-traffic port above 65535 is out of range', () => sco('network-traffic', { dst_ref: IPV4, protocols: ['tcp'], dst_port: 70000 }), 'value-range', '$.dst_port', 'error'],
  ['network-traffic src_ref must be an address', () => sco('network-traffic', { src_ref: MALWARE, protocols: ['tcp'] }), 'ref-target-type', '$.src_ref', 'error'],
  ['active network-traffic must not have end', () => sco('network-traffic', { dst_ref: IPV4, protocols: ['tcp'], is_active: true, end: T0 }), 'mutually-exclusive', '$.end', 'error'],
  ['network-traffic end before start', () => sco('network-traffic', { dst_ref: IPV4, protocols: ['tcp'], start: T1, end: T0 }), 'time-order', '$.end', 'error'],
  ['email-message that is multipart must not have body', () => sco('email-message', { is_multipart: true, body: 'x' }), 'property-dependency', '$.body', 'error'],
  ['email-message MIME part needs body or body_raw_ref', () => sco('email-message', { is_multipart: true, body_multipart: [{ content_type: 'text/plain' }] }), 'one-of-required', '$.body_multipart[0]', 'error'],
  ['email-message from_ref must be an email-addr', () => sco('email-message', { is_multipart: false, from_ref: IPV4 }), 'ref-target-type', '$.from_ref', 'error'],
  ['mac-addr must be lowercase colon-delimited MAC-48', () => sco('mac-addr', { value: 'D2-FB-49-24-37-18' }), 'mac-format', '$.value', 'error'],
  ['process needs at least one property', () => ({ type: 'process', id: 'process--6ba7b810-9dad-41d1-80b4-00c04fd430c8' }), 'one-of-required', '$', 'error'],
  ['windows-registry-key value data_type is a closed enumeration', () => sco('windows-registry-key', { key: 'k', values: [{ name: 'v', data_type: 'REG_TEXT' }] }), 'enum-value', '$.values[0].data_type', 'error'],
  ['user-account account_type outside the vocabulary warns', () => sco('user-account', { user_id: '1', account_type: 'myspace' }), 'vocab-value', '$.account_type', 'warning'],
  ['domain-name resolves_to_refs must be addresses or domains', () => sco('domain-name', { value: 'a.com', resolves_to_refs: [MALWARE] }), 'ref-target-type', '$.resolves_to_refs[0]', 'error'],
  ['ntfs-ext alternate data streams need a name', () => sco('file', { name: 'a', extensions: { 'ntfs-ext': { alternate_data_streams: [{ size: 1 }] } } }), 'required-property', '$.extensions["ntfs-ext"].alternate_data_streams[0].name', 'error'],
  ['windows-pebinary-ext needs pe_type', () => sco('file', { name: 'a', extensions: { 'windows-pebinary-ext': { imphash: 'x' } } }), 'required-property', '$.extensions["windows-pebinary-ext"].pe_type', 'error'],
  ['socket-ext address_family is a closed enumeration', () => sco('network-traffic', { dst_ref: IPV4, protocols: ['tcp'], extensions: { 'socket-ext': { address_family: 'AF_MARS' } } }), 'enum-value', '$.extensions["socket-ext"].address_family', 'error'],
  ['an empty predefined extension is an error', () => sco('network-traffic', { dst_ref: IPV4, protocols: ['tcp'], extensions: { 'tcp-ext': {} } }), 'empty-dictionary', '$.extensions["tcp-ext"]', 'error'],
  ['defanged must be a boolean on SCOs', () => sco('url', { value: 'hxxp://x', defanged: 'yes' }), 'property-type', '$.defanged', 'error'],
];

for (const [name, build, code, path, severity] of CASES) {
  test(name, () => {
    expectProblem(build(), code, path, severity);
  });
}

test('an SCO may be defanged', () => {
  expectClean(sco('url', { value: 'hxxp://example[.]com', defanged: true }));
});

test('location with only coordinates is valid', () => {
  expectClean(make('location', { latitude: 48.8566, longitude: 2.3522, precision: 1000 }, ['region']));
});

test('an indicator with a malformed STIX pattern reports the position', () => {
  const p = expectProblem(make('indicator', { pattern: "[ipv4-addr:value = '1.2.3.4'" }), 'pattern-invalid', '$.pattern', 'error');
  assert.match(p.message, /\d+:\d+/);
});

test('an indicator whose pattern_type is not stix is not parsed as STIX', () => {
  expectClean(make('indicator', { pattern: 'rule x { condition: true }', pattern_type: 'yara' }));
});
