import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ofType, readAll } from './read-events.ts';
import { readMapping } from '../../src/detect/adapters/field-mapping.ts';

const zeek = (name: string): string => join(FIXTURES, 'zeek', name);
const wrccdc = (name: string): string => join(FIXTURES, 'zeek-wrccdc', name);
const eve = (name: string): string => join(FIXTURES, 'suricata', name);

test('zeek conn TSV becomes network-traffic with address refs, ports, protocols and counts', async () => {
  const { events } = await readAll([zeek('conn.log')]);
  assert.equal(events.length, 4);
  const e = events[1]!;
  assert.equal(e.time, 1763632801.25);
  assert.equal(e.line, 10);
  const nt = ofType(e, 'network-traffic')[0]!;
  assert.deepEqual(nt.protocols, ['tcp', 'http']);
  assert.equal(nt.dst_port, 8080);
  assert.equal(nt.src_byte_count, 300);
  assert.deepEqual(e.objects[Number(nt.dst_ref)], { type: 'ipv4-addr', value: '196.38.48.121' });
});

test('zeek unset fields are left out and IPv6 addresses become ipv6-addr', async () => {
  const { events } = await readAll([zeek('conn.log')]);
  const nt = ofType(events[2]!, 'network-traffic')[0]!;
  assert.equal('src_byte_count' in nt, false);
  assert.deepEqual(nt.protocols, ['tcp']);
  assert.equal(ofType(events[3]!, 'ipv6-addr').length, 2);
});

test('zeek http TSV yields url, domain-name and an http-request-ext with the user agent', async () => {
  const { events } = await readAll([zeek('http.log')]);
  const e = events[0]!;
  assert.deepEqual(ofType(e, 'url').map((u) => u.value), ['http://tpddata.com:8080/board/tbl_add.php']);
  assert.deepEqual(ofType(e, 'domain-name').map((d) => d.value), ['tpddata.com']);
  const ext = (ofType(e, 'network-traffic')[0]!.extensions as Record<string, Record<string, unknown>>)['http-request-ext']!;
  assert.equal(ext.request_method, 'GET');
  assert.deepEqual(ext.request_header, { Host: 'tpddata.com', 'User-Agent': 'Mozilla/5.0 (Windows NT 10.0)' });
});

test('zeek files TSV yields a file with its hashes, name and size', async () => {
  const { events } = await readAll([zeek('files.log')]);
  const file = ofType(events[0]!, 'file')[0]!;
  assert.deepEqual(file.hashes, { MD5: '2d2b88ae9f7e5b49b728ad7a1d220e84', 'SHA-1': '000270fd7f5d5a020ac05c87afe138f80acb120a' });
  assert.equal(file.name, 'update.exe');
  assert.equal(file.size, 900);
});

test('zeek dns TSV resolves the query to its answers, vector fields split', async () => {
  const { events } = await readAll([wrccdc('dns.log')]);
  assert.equal(events.length, 12);
  const e = events[0]!;
  const query = ofType(e, 'domain-name').find((d) => d.value === 'ise.wrccdc.org')!;
  const answers = (query.resolves_to_refs as string[]).map((r) => e.objects[Number(r)]!.value);
  assert.deepEqual(answers, ['ise.wrccdc.cpp.edu', '134.71.3.16']);
});

test('gzip logs are read by content', async () => {
  const plain = await readAll([wrccdc('dns.log')]);
  const gz = await readAll([wrccdc('dns-gzip.log.gz')]);
  assert.deepEqual(gz.events.map((e) => e.objects), plain.events.map((e) => e.objects));
});

test('zeek ssl TSV yields the server name and the certificate chain fingerprints', async () => {
  const { events } = await readAll([wrccdc('ssl.log')]);
  const cert = ofType(events[0]!, 'x509-certificate')[0]!;
  assert.deepEqual(cert.hashes, { 'SHA-256': 'b2dafbcdbc75210672f137f27ce882ccb799887631655d4f11191d5a678e44fe' });
});

test('zeek x509 TSV yields an x509-certificate with subject, validity and SAN names', async () => {
  const { events } = await readAll([wrccdc('x509.log')]);
  const e = events[0]!;
  const cert = ofType(e, 'x509-certificate')[0]!;
  assert.equal(cert.serial_number, 'CC57FE54011E');
  assert.equal(cert.validity_not_before, '2011-09-10T12:15:02.000000Z');
  assert.match(String(cert.subject), /CN=localhost\.localdomain/);
  assert.deepEqual(ofType(e, 'domain-name').map((d) => d.value), ['localhost.localdomain']);
});

test('zeek smtp TSV yields an email-message whose sender is an email-addr', async () => {
  const { events } = await readAll([wrccdc('smtp.log')]);
  const withSender = events.find((e) => ofType(e, 'email-message').length > 0)!;
  const message = ofType(withSender, 'email-message')[0]!;
  assert.deepEqual(withSender.objects[Number(message.from_ref)], { type: 'email-addr', value: 'nessus49048747@hotmail.com' });
});

test('zeek JSON lines are read with the same field names, ts as number or ISO text', async () => {
  const { events } = await readAll([zeek('dns-conn.json')], { format: 'zeek' });
  assert.equal(events.length, 2);
  assert.equal(ofType(events[0]!, 'network-traffic')[0]!.dst_port, 443);
  assert.equal(events[1]!.time, Date.parse('2025-11-20T10:01:41Z') / 1000);
  assert.deepEqual(ofType(events[1]!, 'domain-name').map((d) => d.value), ['tpddata.com']);
  assert.deepEqual(ofType(events[1]!, 'ipv4-addr').map((d) => d.value), ['192.0.2.31', '10.0.0.53', '203.0.113.66']);
});

test('malformed zeek lines are counted with line numbers and the rest is read', async () => {
  const { events, stats } = await readAll([zeek('conn-malformed.log')]);
  assert.equal(events.length, 2);
  assert.equal(stats.records, 4);
  assert.equal(stats.malformed, 2);
  assert.deepEqual(stats.malformedLines.map((m) => m.line), [10, 11]);
  assert.match(stats.malformedLines[0]!.reason, /4 fields where the #fields header names 21/);
  assert.match(stats.malformedLines[1]!.reason, /not-a-time/);
});

test('suricata fileinfo yields a file and the http url on the server port', async () => {
  const { events } = await readAll([eve('output-eve-fileinfo__eve.json')]);
  const e = events[0]!;
  assert.equal(ofType(e, 'file')[0]!.name, 'eicar.com');
  assert.deepEqual(ofType(e, 'url').map((u) => u.value), ['http://www.eicar.org/download/eicar.com']);
  assert.equal(e.time, Date.parse('2016-06-08T20:01:52Z') / 1000 + 0.875791);
});

test('suricata tls and alert records yield the sni and certificate SHA-1', async () => {
  const { events } = await readAll([eve('tls-fingerprint-alert__eve.json')]);
  assert.equal(events.length, 2);
  for (const e of events) {
    assert.deepEqual(ofType(e, 'domain-name').map((d) => d.value), ['www.google.com']);
    assert.deepEqual(ofType(e, 'x509-certificate')[0]!.hashes, { 'SHA-1': '9086a43bf5cf1b2e4ef79796f9debab96635863f' });
  }
});

test('suricata dns answers resolve from the query name', async () => {
  const { events } = await readAll([eve('dns-tcp-www-google-com__eve.json')]);
  const answered = events.find((e) => ofType(e, 'domain-name').some((d) => Array.isArray(d.resolves_to_refs)))!;
  assert.ok(answered);
  assert.ok(ofType(answered, 'domain-name').some((d) => d.value === 'www.google.com'));
});

test('suricata flow records carry byte and packet counts', async () => {
  const { events } = await readAll([eve('engine-state__detect-engine-state-03__eve.json')]);
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => ofType(e, 'network-traffic').length === 1));
});

test('generic JSON lines map fields to wallets; broken lines are counted', async () => {
  const mapping = readMapping(join(FIXTURES, 'jsonl', 'wallets.mapping.json'));
  const { events, stats } = await readAll([join(FIXTURES, 'jsonl', 'transactions.jsonl')], { format: 'jsonl', mapping });
  assert.equal(events.length, 2);
  assert.deepEqual(events[1]!.objects, [
    { type: 'cryptocurrency-wallet', value: '0x3333333333333333333333333333333333333333', currency: 'ETH' },
    { type: 'cryptocurrency-wallet', value: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96', currency: 'ETH' },
  ]);
  assert.equal(events[1]!.time, 1740830460);
  assert.deepEqual(stats.malformedLines.map((m) => m.line), [3, 4]);
});

test('STIX observed-data bundles become events with local references', async () => {
  const { events } = await readAll([join(FIXTURES, 'stix', 'observed.json')]);
  assert.equal(events.length, 1);
  const nt = ofType(events[0]!, 'network-traffic')[0]!;
  assert.equal(events[0]!.objects[Number(nt.dst_ref)]!.value, '196.38.48.121');
});

test('standard input is read, gzip or not', async () => {
  const text = readFileSync(wrccdc('dns.log'));
  const plain = await readAll(['-'], {}, text);
  const gz = await readAll(['-'], {}, readFileSync(wrccdc('dns-gzip.log.gz')));
  assert.equal(plain.events.length, 12);
  assert.equal(gz.events.length, 12);
  assert.equal(plain.events[0]!.source, 'stdin');
});

test('a directory is read file by file, each in its own format', async () => {
  const { events, stats } = await readAll([join(FIXTURES, 'suricata')]);
  assert.ok(events.length >= 18);
  assert.equal(stats.malformed, 0);
  assert.deepEqual(stats.skippedFiles.map((f) => f.source.replace(/^.*\//, '')), ['LICENSE.txt', 'README.md']);
});

test('zeek JSON records naming their log in _path are read as that log, whatever the file is called', async () => {
  const record = { _path: 'dns', ts: 1763632900, uid: 'C1', 'id.orig_h': '192.0.2.1', 'id.orig_p': 5353, 'id.resp_h': '192.0.2.53', 'id.resp_p': 53, proto: 'udp', query: 'tpddata.com', answers: ['203.0.113.5'] };
  const { events } = await readAll(['-'], { format: 'zeek' }, `${JSON.stringify(record)}\n`);
  const query = ofType(events[0]!, 'domain-name')[0]!;
  assert.equal(query.value, 'tpddata.com');
  assert.deepEqual((query.resolves_to_refs as string[]).map((r) => events[0]!.objects[Number(r)]!.value), ['203.0.113.5']);
});
