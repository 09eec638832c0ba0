import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { advisoryIdFromFileName, convertUsCertCsv } from '../../src/ingest/us-cert-csv.ts';
import { SourceFormatError } from '../../src/ingest/source-format-error.ts';
import { US_CERT_IDENTITY } from '../../src/ingest/source-identities.ts';
import { TLP_CLEAR } from '../../src/ingest/tlp-markings.ts';

const FILE = 'TA-17-318B-IOCs.csv';
const text = readFileSync(new URL(`../fixtures/ingest/us-cert/${FILE}`, import.meta.url), 'utf8');
const DATE = '2017-11-21T00:00:00.000Z';
const LAZARUS = 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a';
const HEADER = 'INDICATOR_VALUE,TYPE,COMMENT,ROLE,ATTACK_PHASE,OBSERVED_DATE,HANDLING,DESCRIPTION\n';

function indicator(objects: { type: string; [k: string]: unknown }[], name: string) {
  const found = objects.find((o) => o.type === 'indicator' && o.name === name);
  assert.ok(found, `no indicator named ${name}`);
  return found;
}

test('a de-fanged IPv4 row becomes an ipv4-addr indicator with the address re-fanged', () => {
  const { objects } = convertUsCertCsv(text, { file: FILE, date: DATE });
  assert.equal(indicator(objects, '199.68.196.125').pattern, "[ipv4-addr:value = '199.68.196.125']");
});

test('an MD5 row matches the file by any of the hashes listed for it', () => {
  const { objects } = convertUsCertCsv(text, { file: FILE, date: DATE });
  assert.equal(
    indicator(objects, 'e3d03829cbec1a8cca56c6ae730ba9a8').pattern,
    "[file:hashes.MD5 = 'e3d03829cbec1a8cca56c6ae730ba9a8' OR " +
      "file:hashes.'SHA-1' = 'ae65ffcd83dab3fdafea3ff6915fce34e1307bce' OR " +
      "file:hashes.'SHA-256' = 'e79bbb45421320be05211a94ed507430cc9f6cf80d607d61a317af255733fcf2']",
  );
});

test('an MD5 row without other hashes matches the MD5 alone', () => {
  const { objects } = convertUsCertCsv(text, { file: FILE, date: DATE });
  assert.equal(indicator(objects, '81180bf9c7b282c6b8411f8f315bc422').pattern, "[file:hashes.MD5 = '81180bf9c7b282c6b8411f8f315bc422']");
});

test('TLP:WHITE rows are marked with the TLP 2.0 CLEAR marking definition', () => {
  const { objects } = convertUsCertCsv(text, { file: FILE, date: DATE });
  assert.deepEqual(indicator(objects, '199.68.196.125').object_marking_refs, [TLP_CLEAR]);
});

test('indicators are created by US-CERT and cite the advisory', () => {
  const { objects } = convertUsCertCsv(text, { file: FILE, date: DATE });
  const ind = indicator(objects, '199.68.196.125');
  assert.equal(ind.created_by_ref, US_CERT_IDENTITY.id);
  assert.deepEqual(ind.external_references, [
    { source_name: 'US-CERT', external_id: 'TA17-318B', url: 'https://www.us-cert.gov/ncas/alerts/TA17-318B' },
  ]);
});

test('HIDDEN COBRA indicators indicate the ATT&CK Lazarus Group intrusion set', () => {
  const { objects } = convertUsCertCsv(text, { file: FILE, date: DATE });
  const ind = indicator(objects, '103.16.223.35');
  const rel = objects.find((o) => o.type === 'relationship' && o.source_ref === ind.id);
  assert.equal(rel?.relationship_type, 'indicates');
  assert.equal(rel?.target_ref, LAZARUS);
});

test('the ATTACK_PHASE column becomes a kill-chain phase', () => {
  const { objects } = convertUsCertCsv(text, { file: FILE, date: DATE });
  assert.deepEqual(indicator(objects, '199.68.196.125').kill_chain_phases, [
    { kill_chain_name: 'lockheed-martin-cyber-kill-chain', phase_name: 'command-and-control' },
  ]);
});

test('every row of the fixture converts', () => {
  const { objects, skipped } = convertUsCertCsv(text, { file: FILE, date: DATE });
  assert.equal(skipped.length, 0);
  assert.equal(objects.filter((o) => o.type === 'indicator').length, 5);
});

test('a bad row is reported with its line number and the others still convert', () => {
  const csv = HEADER + '1[.]2[.]3[.]4,IPV4ADDR,,,C2,,TLP:WHITE,a\n999[.]1[.]1[.]1,IPV4ADDR,,,C2,,TLP:WHITE,b\nx,WHATEVER,,,,,TLP:WHITE,c\n';
  const { objects, skipped } = convertUsCertCsv(csv, { file: FILE, date: DATE });
  assert.deepEqual(skipped.map((e) => [e.line, e.reason]), [
    [3, 'not an IPv4 address'],
    [4, 'unknown indicator TYPE "WHATEVER"'],
  ]);
  assert.equal(objects.filter((o) => o.type === 'indicator').length, 1);
});

test('a row with an unknown handling label is skipped rather than shared unmarked', () => {
  const { skipped } = convertUsCertCsv(HEADER + '1.2.3.4,IPV4ADDR,,,C2,,TLP:PURPLE,a\n', { file: FILE, date: DATE });
  assert.match(skipped[0]!.reason, /HANDLING/);
});

test('a file without an INDICATOR_VALUE column is refused as a whole', () => {
  assert.throws(() => convertUsCertCsv('A,B\n1,2\n', { file: FILE, date: DATE }), SourceFormatError);
});

test('the advisory id is read from US-CERT file names', () => {
  assert.equal(advisoryIdFromFileName('/x/TA-17-318B-IOCs.csv'), 'TA17-318B');
  assert.equal(advisoryIdFromFileName('AA22-187A.stix.csv'), 'AA22-187A');
  assert.equal(advisoryIdFromFileName('iocs.csv'), undefined);
});
