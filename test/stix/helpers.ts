// Shared builders for the STIX validator tests: minimal valid objects of each kind, and problem assertions.
import assert from 'node:assert/strict';
import { computeScoId, validateObject, type Problem, type Severity } from '../../src/stix/index.ts';

export const T0 = '2016-04-06T20:03:00.000Z';
export const T1 = '2016-04-06T20:03:48.000Z';
export const IDENTITY = 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff';
export const MARKING = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
export const MALWARE = 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b';
export const INDICATOR = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
export const IPV4 = 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4';
export const UUID4 = '6ba7b810-9dad-41d1-80b4-00c04fd430c8';

let counter = 0;
/** A fresh v4-shaped UUID per call, so objects in one test do not share ids. */
export function uuid4(): string {
  counter++;
  return `${counter.toString(16).padStart(8, '0')}-9dad-41d1-80b4-00c04fd430c8`;
}

type Obj = Record<string, unknown>;

/** A valid SDO/SRO/meta skeleton of `type` (common properties only) merged with `props`. */
export function versioned(type: string, props: Obj = {}): Obj {
  return { type, spec_version: '2.1', id: `${type}--${uuid4()}`, created: T0, modified: T0, ...props };
}

/** A valid SCO of `type` with `props`, its id the deterministic UUIDv5 when it has ID contributing properties. */
export function sco(type: string, props: Obj): Obj {
  const obj: Obj = { type, spec_version: '2.1', ...props };
  obj.id = computeScoId(obj) ?? `${type}--${uuid4()}`;
  return obj;
}

/** The minimal valid object of each type the specification defines. */
export const VALID: Record<string, () => Obj> = {
  'attack-pattern': () => versioned('attack-pattern', { name: 'Spear Phishing' }),
  campaign: () => versioned('campaign', { name: 'Green Group Attacks' }),
  'course-of-action': () => versioned('course-of-action', { name: 'Block traffic' }),
  grouping: () => versioned('grouping', { context: 'suspicious-activity', object_refs: [INDICATOR] }),
  identity: () => versioned('identity', { name: 'ACME', identity_class: 'organization' }),
  incident: () => versioned('incident', { name: 'Breach' }),
  indicator: () => versioned('indicator', {
    pattern: "[ipv4-addr:value = '198.51.100.3']", pattern_type: 'stix', valid_from: T0,
  }),
  infrastructure: () => versioned('infrastructure', { name: 'C2 server' }),
  'intrusion-set': () => versioned('intrusion-set', { name: 'Bobcat Breakin' }),
  location: () => versioned('location', { region: 'eastern-asia' }),
  malware: () => versioned('malware', { name: 'Cryptolocker', is_family: true }),
  'malware-analysis': () => versioned('malware-analysis', { product: 'av', result: 'malicious' }),
  note: () => versioned('note', { content: 'text', object_refs: [MALWARE] }),
  'observed-data': () => versioned('observed-data', {
    first_observed: T0, last_observed: T1, number_observed: 1, object_refs: [IPV4],
  }),
  opinion: () => versioned('opinion', { opinion: 'strongly-disagree', object_refs: [MALWARE] }),
  report: () => versioned('report', { name: 'Report', published: T0, object_refs: [MALWARE] }),
  'threat-actor': () => versioned('threat-actor', { name: 'Evil Org' }),
  tool: () => versioned('tool', { name: 'VNC' }),
  vulnerability: () => versioned('vulnerability', { name: 'CVE-2016-1234' }),
  relationship: () => versioned('relationship', { relationship_type: 'indicates', source_ref: INDICATOR, target_ref: MALWARE }),
  sighting: () => versioned('sighting', { sighting_of_ref: INDICATOR }),
  artifact: () => sco('artifact', { payload_bin: 'aGVsbG8=' }),
  'autonomous-system': () => sco('autonomous-system', { number: 15139 }),
  directory: () => sco('directory', { path: 'C:\\Windows' }),
  'domain-name': () => sco('domain-name', { value: 'example.com' }),
  'email-addr': () => sco('email-addr', { value: 'john@example.com' }),
  'email-message': () => sco('email-message', { is_multipart: false, body: 'hi' }),
  file: () => sco('file', { name: 'a.exe', hashes: { 'SHA-256': 'a'.repeat(64) } }),
  'ipv4-addr': () => sco('ipv4-addr', { value: '198.51.100.3' }),
  'ipv6-addr': () => sco('ipv6-addr', { value: '2001:db8::1' }),
  'mac-addr': () => sco('mac-addr', { value: 'd2:fb:49:24:37:18' }),
  mutex: () => sco('mutex', { name: '__CLEANSWEEP__' }),
  'network-traffic': () => sco('network-traffic', { dst_ref: IPV4, protocols: ['tcp'] }),
  process: () => sco('process', { pid: 1221 }),
  software: () => sco('software', { name: 'Word' }),
  url: () => sco('url', { value: 'https://example.com/' }),
  'user-account': () => sco('user-account', { user_id: '1001' }),
  'windows-registry-key': () => sco('windows-registry-key', { key: 'HKEY_LOCAL_MACHINE\\System' }),
  'x509-certificate': () => sco('x509-certificate', { serial_number: '36:f7:d4:32:f4:ab:70:ea' }),
  'language-content': () => versioned('language-content', {
    object_ref: MALWARE, contents: { de: { name: 'Bösewicht' } },
  }),
  'marking-definition': () => {
    const m = versioned('marking-definition', { definition_type: 'statement', definition: { statement: 'Copyright ACME' } });
    delete m.modified;
    return m;
  },
  'extension-definition': () => versioned('extension-definition', {
    created_by_ref: IDENTITY, name: 'ext', schema: 'https://example.com/schema', version: '1.0',
    extension_types: ['property-extension'],
  }),
};

/** Validates `obj` and asserts a problem with this code at this path, of this severity; returns it. */
export function expectProblem(obj: unknown, code: string, path: string, severity: Severity): Problem {
  const problems = validateObject(obj);
  const found = problems.find((p) => p.code === code && p.path === path);
  assert.ok(found, `expected ${code} at ${path}; got ${JSON.stringify(problems.map((p) => `${p.code} ${p.path}`))}`);
  assert.equal(found.severity, severity);
  assert.ok(found.message.length > 10, 'message should explain the problem');
  assert.match(found.spec, /^\d+(\.\d+)*$/);
  return found;
}

/** Asserts that validation reports nothing at all. */
export function expectClean(obj: unknown): void {
  assert.deepEqual(validateObject(obj), []);
}
