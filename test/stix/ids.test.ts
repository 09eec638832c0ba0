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

// More vectors from the examples of §6.3 and §6.7: non-ASCII names and extensions contribute through JCS.
const SPEC_VECTORS: [name: string, obj: Record<string, unknown>, id: string][] = [
  ['a directory path with backslashes', { type: 'directory', path: 'C:\\Windows\\System32' }, 'directory--0a58d0c1-59e6-5afd-8252-dcd3f13e5622'],
  ['a file name with a non-ASCII character', { type: 'file', hashes: { 'SHA-256': '841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649' }, name: 'quêry.dll', name_enc: 'windows-1252' }, 'file--7d1e3a18-89e7-5bc5-be36-9879f5b7f5c8'],
  ['a file with an ntfs-ext extension', { type: 'file', hashes: { 'SHA-256': '35a01331e9ad96f751278b891b6ea09699806faedfa237d40513d92ad1b7100f' }, extensions: { 'ntfs-ext': { alternate_data_streams: [{ name: 'second.stream', size: 25536 }] } } }, 'file--ba04c974-3cef-5f42-adc7-084d467874e2'],
  ['a file with a pdf-ext extension', { type: 'file', name: 'example.pdf', extensions: { 'pdf-ext': { version: '1.7', document_info_dict: { Title: 'Sample document', Author: 'Adobe Systems Incorporated', Creator: 'Adobe FrameMaker 5.5.3 for Power Macintosh', Producer: 'Acrobat Distiller 3.01 for Power Macintosh', CreationDate: '20070412090123-02' }, pdfid0: 'DFCE52BD827ECF765649852119D', pdfid1: '57A1E0F9ED2AE523E313C' } } }, 'file--965aa96f-d90a-506a-8317-d38d44b235f9'],
];
for (const [name, obj, id] of SPEC_VECTORS) {
  test(`computeScoId reproduces the specification id of ${name}`, () => {
    assert.equal(computeScoId(obj), id);
  });
}
