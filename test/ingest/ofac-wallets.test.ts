import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { convertOfacWallets } from '../../src/ingest/ofac-wallets.ts';
import { walletObject, WALLET_EXTENSION_DEFINITION } from '../../src/ingest/cryptocurrency-wallet.ts';
import { OFAC_IDENTITY } from '../../src/ingest/source-identities.ts';
import { SourceFormatError } from '../../src/ingest/source-format-error.ts';

const FILE = 'sdn-digital-currency-addresses.json';
const text = readFileSync(new URL(`../fixtures/ingest/ofac/${FILE}`, import.meta.url), 'utf8');
const LAZARUS = 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a';
const LAZARUS_ETH = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
const KIM_ADDRESS = '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40';

test('the program filter keeps only DPRK-program entries', () => {
  const { objects } = convertOfacWallets(text, { file: FILE, program: 'DPRK' });
  const names = objects.filter((o) => o.type === 'indicator').map((o) => o.name);
  assert.deepEqual(names.sort(), [LAZARUS_ETH, '0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B', KIM_ADDRESS].sort());
});

test('a wallet indicator matches the address through the custom wallet SCO', () => {
  const { objects } = convertOfacWallets(text, { file: FILE, program: 'DPRK' });
  const ind = objects.find((o) => o.type === 'indicator' && o.name === LAZARUS_ETH);
  assert.equal(ind?.pattern, `[cryptocurrency-wallet:value = '${LAZARUS_ETH}']`);
  assert.equal(ind?.created_by_ref, OFAC_IDENTITY.id);
});

test('LAZARUS GROUP wallets indicate the ATT&CK Lazarus Group intrusion set', () => {
  const { objects } = convertOfacWallets(text, { file: FILE, program: 'DPRK' });
  const ind = objects.find((o) => o.type === 'indicator' && o.name === LAZARUS_ETH)!;
  const rel = objects.find((o) => o.type === 'relationship' && o.source_ref === ind.id);
  assert.equal(rel?.relationship_type, 'indicates');
  assert.equal(rel?.target_ref, LAZARUS);
  assert.equal(objects.some((o) => o.type === 'identity' && o.name === 'LAZARUS GROUP'), false);
});

test('an individual on the list becomes an identity the wallet indicator is related to', () => {
  const { objects } = convertOfacWallets(text, { file: FILE, program: 'DPRK' });
  const person = objects.find((o) => o.type === 'identity' && o.name === 'KIM, Sang Man');
  assert.equal(person?.identity_class, 'individual');
  assert.equal(person?.created_by_ref, OFAC_IDENTITY.id);
  const ind = objects.find((o) => o.type === 'indicator' && o.name === KIM_ADDRESS)!;
  const rel = objects.find((o) => o.type === 'relationship' && o.source_ref === ind.id);
  assert.equal(rel?.relationship_type, 'related-to');
  assert.equal(rel?.target_ref, person?.id);
});

test('an address listed under two currencies gives one indicator and one wallet per currency', () => {
  const { objects } = convertOfacWallets(text, { file: FILE, program: 'DPRK' });
  assert.equal(objects.filter((o) => o.type === 'indicator' && o.name === KIM_ADDRESS).length, 1);
  const wallets = objects.filter((o) => o.type === 'cryptocurrency-wallet' && o.value === KIM_ADDRESS);
  assert.deepEqual(wallets.map((w) => w.currency).sort(), ['ETH', 'USDT']);
});

test('the wallet SCO id is a UUIDv5 over its currency and address', () => {
  const wallet = walletObject('ETH', LAZARUS_ETH);
  assert.deepEqual(Object.keys(wallet), ['type', 'spec_version', 'id', 'value', 'currency', 'extensions']);
  assert.deepEqual(wallet.extensions, { [WALLET_EXTENSION_DEFINITION.id]: { extension_type: 'new-sco' } });
  assert.equal(wallet.id, walletObject('ETH', LAZARUS_ETH).id);
  assert.notEqual(wallet.id, walletObject('USDT', LAZARUS_ETH).id);
  assert.match(wallet.id, /^cryptocurrency-wallet--[0-9a-f]{8}-[0-9a-f]{4}-5/);
});

test('dates come from the snapshot date in the file', () => {
  const { objects } = convertOfacWallets(text, { file: FILE, program: 'DPRK' });
  const ind = objects.find((o) => o.type === 'indicator')!;
  assert.equal(ind.created, '2024-05-03T00:00:00.000Z');
  assert.equal(ind.valid_from, '2024-05-03T00:00:00.000Z');
});

test('an address cut short by the Remarks limit is reported with its line and skipped', () => {
  const { objects, skipped } = convertOfacWallets(text, { file: FILE });
  assert.equal(skipped.length, 1);
  assert.equal(skipped[0]!.line, text.split('\n').findIndex((l) => l.includes('"ent_num": 30518')));
  assert.match(skipped[0]!.reason, /addresses\[4\]: address/);
  assert.equal(objects.some((o) => o.name === '1Gq'), false);
});

test('without a program filter every well-formed record converts', () => {
  const { objects } = convertOfacWallets(text, { file: FILE });
  assert.equal(objects.filter((o) => o.type === 'indicator').length, 4);
});

test('converting the same file twice yields identical objects', () => {
  assert.deepEqual(convertOfacWallets(text, { file: FILE }), convertOfacWallets(text, { file: FILE }));
});

test('a file that is not JSON is refused as a whole', () => {
  assert.throws(() => convertOfacWallets('{oops', { file: FILE }), SourceFormatError);
});

test('a bare array without a date is refused unless a date is given', () => {
  assert.throws(() => convertOfacWallets('[]', { file: FILE }), SourceFormatError);
  assert.equal(convertOfacWallets('[]', { file: FILE, date: '2024-01-01T00:00:00.000Z' }).objects.length, 3);
});

test('a defective record outside the program filter is not reported', () => {
  assert.deepEqual(convertOfacWallets(text, { file: FILE, program: 'DPRK' }).skipped, []);
});
