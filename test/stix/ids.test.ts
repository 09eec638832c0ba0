import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, computeScoId, uuidV5 } from '../../src/stix/index.ts';

// Vectors from the examples of STIX 2.1 §2.9, §6.4, §6.12 and the OASIS sighting example.
test('computeScoId reproduces the specification id of an ipv4-addr', () => {
  assert.equal(computeScoId({ type: 'ipv4-addr', value: '198.51.100.3' }), 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4');
});

test('computeScoId reproduces the specification id of a domain-name', () => {
  assert.equal(computeScoId({ type: 'domain-name', value: 'example.com' }), 'domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7');
});

test('computeScoId uses one hash, preferring MD5, for a file', () => {
  const file = {
    type: 'file', spec_version: '2.1', size: 83968, name: 'resume.pdf',
    hashes: { MD5: '1717b7fff97d37a1e1a0029d83492de1', 'SHA-1': 'c79a326f8411e9488bdc3779753e1e3489aaedea' },
  };
  assert.equal(computeScoId(file), 'file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d');
});

test('computeScoId ignores properties that do not contribute to the id', () => {
  const a = computeScoId({ type: 'url', value: 'https://x/' });
  assert.equal(computeScoId({ type: 'url', value: 'https://x/', defanged: false, spec_version: '2.1' }), a);
});

test('computeScoId returns null when no contributing property is present', () => {
  assert.equal(computeScoId({ type: 'user-account', display_name: 'x' }), null);
  assert.equal(computeScoId({ type: 'process', pid: 1 }), null);
});

test('computeScoId returns null for non-SCOs and non-objects', () => {
  assert.equal(computeScoId({ type: 'malware', name: 'x' }), null);
  assert.equal(computeScoId('ipv4-addr'), null);
});

test('canonicalJson sorts keys by code unit and writes numbers in shortest form', () => {
  assert.equal(canonicalJson({ b: [1e21, 0.1, -0], a: 'é\u2028', '\u20ac': true, '\r': null }),
    '{"\\r":null,"a":"é\u2028","b":[1e+21,0.1,0],"€":true}');
});

test('uuidV5 produces an RFC 4122 version 5 UUID', () => {
  assert.match(uuidV5('x'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
