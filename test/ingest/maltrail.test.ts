import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { convertMaltrail } from '../../src/ingest/maltrail.ts';
import { MALTRAIL_IDENTITY } from '../../src/ingest/source-identities.ts';
import { MalformedLineError } from '../../src/ingest/malformed-line-error.ts';

const FIXTURES = new URL('../fixtures/ingest/maltrail/', import.meta.url);
const DATE = '2026-11-23T00:00:00.000Z';
const LAZARUS = 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a';
const KIMSUKY = 'intrusion-set--0ec2f388-bf0f-4b5c-97b1-fc736d26c25f';
const lazarusText = readFileSync(new URL('apt_lazarus.txt', FIXTURES), 'utf8');

function byName(objects: { type: string; [k: string]: unknown }[], name: string) {
  const found = objects.find((o) => o.type === 'indicator' && o.name === name);
  assert.ok(found, `no indicator named ${name}`);
  return found;
}

test('a Maltrail list yields one indicator and one indicates relationship per trail', () => {
  const { objects, skipped } = convertMaltrail(lazarusText, { file: 'apt_lazarus.txt', date: DATE });
  const trails = lazarusText.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).length;
  assert.equal(skipped.length, 0);
  assert.equal(objects.filter((o) => o.type === 'indicator').length, trails);
  assert.equal(objects.filter((o) => o.type === 'relationship').length, trails);
  assert.deepEqual(objects[0], MALTRAIL_IDENTITY);
});

test('trails of apt_lazarus.txt indicate the ATT&CK Lazarus Group intrusion set', () => {
  const { objects } = convertMaltrail(lazarusText, { file: 'apt_lazarus.txt', date: DATE });
  const indicator = byName(objects, 'celasllc.com');
  const rel = objects.find((o) => o.type === 'relationship' && o.source_ref === indicator.id);
  assert.equal(rel?.relationship_type, 'indicates');
  assert.equal(rel?.target_ref, LAZARUS);
});

test('an indicator carries the references of its block and the list as source', () => {
  const { objects } = convertMaltrail(lazarusText, { file: 'apt_lazarus.txt', date: DATE });
  const refs = byName(objects, 'celasllc.com').external_references as { source_name: string; url?: string }[];
  assert.equal(refs[0]!.source_name, 'maltrail');
  assert.deepEqual(refs.slice(1), [{ source_name: 'securelist.com', url: 'https://securelist.com/operation-applejeus/87553/' }]);
});

test('indicator dates come from the given list date, not the clock', () => {
  const { objects } = convertMaltrail(lazarusText, { file: 'apt_lazarus.txt', date: DATE });
  const indicator = byName(objects, 'celasllc.com');
  assert.equal(indicator.created, DATE);
  assert.equal(indicator.modified, DATE);
  assert.equal(indicator.valid_from, DATE);
});

test('converting the same list twice yields identical objects', () => {
  const a = convertMaltrail(lazarusText, { file: 'apt_lazarus.txt', date: DATE });
  const b = convertMaltrail(lazarusText, { file: 'apt_lazarus.txt', date: DATE });
  assert.deepEqual(a, b);
});

test('an IP:port trail becomes a network-traffic pattern', () => {
  const text = readFileSync(new URL('android_lazarus.txt', FIXTURES), 'utf8');
  const { objects } = convertMaltrail(text, { file: 'android_lazarus.txt', date: DATE });
  assert.equal(
    byName(objects, '193.151.108.203:1133').pattern,
    "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '193.151.108.203' AND network-traffic:dst_port = 1133]",
  );
});

test('a malformed trail is reported with its line number and the rest still converts', () => {
  const text = '# Reference: https://a.example/r\n\ngood.example\n300.1.2.3\nalso-good.example\n';
  const { objects, skipped } = convertMaltrail(text, { file: 'apt_lazarus.txt', date: DATE });
  assert.equal(skipped.length, 1);
  assert.ok(skipped[0] instanceof MalformedLineError);
  assert.equal(skipped[0].line, 4);
  assert.equal(skipped[0].file, 'apt_lazarus.txt');
  assert.equal(skipped[0].text, '300.1.2.3');
  assert.deepEqual(
    objects.filter((o) => o.type === 'indicator').map((o) => o.name),
    ['good.example', 'also-good.example'],
  );
});

test('a target overrides the group named by the file', () => {
  const { objects } = convertMaltrail('x.example\n', { file: 'apt_lazarus.txt', date: DATE, target: KIMSUKY });
  assert.equal(objects.find((o) => o.type === 'relationship')?.target_ref, KIMSUKY);
});

test('a list about no known group yields indicators without relationships', () => {
  const { objects } = convertMaltrail('x.example\n', { file: 'dprk_silivaccine.txt', date: DATE });
  assert.equal(objects.filter((o) => o.type === 'relationship').length, 0);
  assert.deepEqual(objects.find((o) => o.type === 'indicator')?.indicator_types, ['malicious-activity']);
});

test('a repeated trail yields one indicator', () => {
  const { objects } = convertMaltrail('x.example\nx.example\n', { file: 'apt_lazarus.txt', date: DATE });
  assert.equal(objects.filter((o) => o.type === 'indicator').length, 1);
});

test('include keeps only the trails it accepts', () => {
  const { objects } = convertMaltrail('a.example\nb.example\n', {
    file: 'apt_lazarus.txt',
    date: DATE,
    include: (value) => value.startsWith('b'),
  });
  assert.deepEqual(objects.filter((o) => o.type === 'indicator').map((o) => o.name), ['b.example']);
});

test('a new Reference block replaces the previous block references', () => {
  const text = '# Reference: https://a.example/1\nx.example\n# Reference: https://b.example/2\ny.example\n';
  const { objects } = convertMaltrail(text, { file: 'apt_lazarus.txt', date: DATE });
  const refs = byName(objects, 'y.example').external_references as { url?: string }[];
  assert.deepEqual(refs.slice(1).map((r) => r.url), ['https://b.example/2']);
});

test('a reference note in parentheses becomes the reference description', () => {
  const { objects } = convertMaltrail('# Reference: https://blog.alyac.co.kr/2209 (Korean)\nx.example\n', { file: 'apt_kimsuky.txt', date: DATE });
  const refs = byName(objects, 'x.example').external_references as unknown[];
  assert.deepEqual(refs[1], { source_name: 'blog.alyac.co.kr', url: 'https://blog.alyac.co.kr/2209', description: 'Korean' });
});

test('a reference that is not a web address is kept as a description', () => {
  const { objects } = convertMaltrail('# Reference: internal research\nx.example\n', { file: 'apt_kimsuky.txt', date: DATE });
  const refs = byName(objects, 'x.example').external_references as unknown[];
  assert.deepEqual(refs[1], { source_name: 'maltrail-reference', description: 'internal research' });
});
