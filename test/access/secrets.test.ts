// Secrets are stored as salted scrypt hashes and checked against them; credentials parse from headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashSecret, verifySecret } from '../../src/access/secret-hash.ts';
import { newToken, parseAuthorization } from '../../src/access/credentials.ts';

test('a hashed secret verifies and the hash does not contain it', async () => {
  const hash = await hashSecret('correct horse');
  assert.ok(hash.startsWith('scrypt$'));
  assert.ok(!hash.includes('correct horse'));
  assert.equal(await verifySecret('correct horse', hash), true);
  assert.equal(await verifySecret('wrong horse', hash), false);
});

test('the same secret hashes differently each time (salted)', async () => {
  assert.notEqual(await hashSecret('s'), await hashSecret('s'));
});

test('a malformed stored hash never verifies', async () => {
  assert.equal(await verifySecret('x', 'plain'), false);
});

const rows: [string | undefined, unknown][] = [
  [undefined, null],
  ['', null],
  [`Basic ${Buffer.from('alice:pa:ss').toString('base64')}`, { scheme: 'basic', account: 'alice', password: 'pa:ss' }],
  [`Basic ${Buffer.from('nocolon').toString('base64')}`, undefined],
  ['Bearer tocsin_abc.secret', { scheme: 'bearer', tokenId: 'abc', secret: 'secret' }],
  ['Bearer somethingelse', undefined],
  ['Digest x', undefined],
  ['Basic', undefined],
];
for (const [header, expected] of rows) {
  test(`Authorization ${JSON.stringify(header)} reads as ${JSON.stringify(expected)}`, () => {
    assert.deepEqual(parseAuthorization(header), expected);
  });
}

test('a new token parses back to its id', () => {
  const token = newToken();
  const parsed = parseAuthorization(`Bearer ${token.value}`);
  assert.equal(parsed && parsed.scheme === 'bearer' ? parsed.tokenId : null, token.id);
});

test('token ids are hex, so that none reads as a command-line option', () => {
  for (let i = 0; i < 200; i++) assert.match(newToken().id, /^[0-9a-f]{12}$/);
});
