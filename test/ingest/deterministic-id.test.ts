import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deterministicId, uuidV5 } from '../../src/ingest/deterministic-id.ts';

test('uuidV5 matches the RFC 4122 DNS-namespace vector for python.org', () => {
  assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
});

test('deterministicId gives the same id for the same source and value', () => {
  assert.equal(deterministicId('indicator', 'maltrail', 'a.txt', 'x.example'), deterministicId('indicator', 'maltrail', 'a.txt', 'x.example'));
});

test('deterministicId does not let parts run into each other', () => {
  assert.notEqual(deterministicId('indicator', 'a:b', 'c'), deterministicId('indicator', 'a', 'b:c'));
  assert.notEqual(deterministicId('indicator', 'ab', 'c'), deterministicId('indicator', 'a', 'bc'));
});

test('deterministicId is a version-4 id of the given type, as STIX asks of SDOs and SROs', () => {
  assert.match(deterministicId('campaign', 'x'), /^campaign--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
