import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDetection } from '../../src/detect/detect-run.ts';
import { jsonLinesSink, webhookSink, type WebhookStats } from '../../src/detect/alert-sinks.ts';
import type { Alert } from '../../src/detect/alert.ts';
import { expandTelemetry } from '../../src/detect/input/telemetry-inputs.ts';
import { readMapping } from '../../src/detect/adapters/field-mapping.ts';
import { WALLET_EXTENSION_ID } from '../../src/detect/observed-data.ts';
import { WALLET_EXTENSION_DEFINITION, walletObject } from '../../src/ingest/cryptocurrency-wallet.ts';
import { openStore } from '../../src/store/open-store.ts';
import { validateObject } from '../../src/stix/index.ts';
import type { Store } from '../../src/store/store.ts';
import { FIXTURES } from './read-events.ts';
import { C2_INDICATOR, DOMAIN_INDICATOR, HASH_INDICATOR, IP_INDICATOR, SEQUENCE_INDICATOR, WALLET_INDICATOR, seed } from './seed.ts';

const zeek = (name: string): string => join(FIXTURES, 'zeek', name);

async function withSeededStore(body: (store: Store) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-detect-'));
  const store = await openStore(dir);
  try {
    await seed(store);
    await body(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function latest(store: Store, type: string): Promise<Record<string, unknown>[]> {
  const page = await store.query({ types: [type], limit: 1000 });
  return page.versions.map((v) => JSON.parse(v.json) as Record<string, unknown>);
}

const zeekLogs = () => expandTelemetry([zeek('conn.log'), zeek('http.log'), zeek('files.log')]);

test('each matched indicator gets one sighting per window with count, times and the hub as where sighted', () => withSeededStore(async (store) => {
  const summary = await runDetection({ store, inputs: zeekLogs() });
  const sightings = await latest(store, 'sighting');
  const byIndicator = new Map(sightings.map((s) => [s.sighting_of_ref, s]));
  assert.deepEqual([...byIndicator.keys()].sort(), [IP_INDICATOR, C2_INDICATOR, DOMAIN_INDICATOR, HASH_INDICATOR, SEQUENCE_INDICATOR].sort());
  const ip = byIndicator.get(IP_INDICATOR)!;
  // conn line 10 and files line 9 carry the address (http line 9 does too).
  assert.equal(ip.count, 3);
  assert.equal(ip.first_seen, '2025-11-20T10:00:01.250000Z');
  assert.equal(ip.last_seen, '2025-11-20T10:00:01.400000Z');
  assert.deepEqual(ip.where_sighted_refs, [summary.hub]);
  assert.equal(ip.created_by_ref, summary.hub);
  assert.equal(summary.sightings, 5);
}));

test('a sighting refers to stored observed-data that holds the matching SCOs', () => withSeededStore(async (store) => {
  await runDetection({ store, inputs: zeekLogs() });
  const sighting = (await latest(store, 'sighting')).find((s) => s.sighting_of_ref === HASH_INDICATOR)!;
  const refs = sighting.observed_data_refs as string[];
  assert.equal(refs.length, 1);
  const [od] = await store.get(refs[0]!);
  const observed = JSON.parse(od!.json) as { object_refs: string[] };
  const scos = await Promise.all(observed.object_refs.map(async (id) => JSON.parse((await store.get(id))[0]!.json) as Record<string, unknown>));
  const file = scos.find((s) => s.type === 'file')!;
  assert.deepEqual(file.hashes, { MD5: '2d2b88ae9f7e5b49b728ad7a1d220e84', 'SHA-1': '000270fd7f5d5a020ac05c87afe138f80acb120a' });
  const traffic = scos.find((s) => s.type === 'network-traffic')!;
  assert.ok(observed.object_refs.includes(traffic.src_ref as string));
}));

test('the hub identity is created once and reused by later runs', () => withSeededStore(async (store) => {
  const a = await runDetection({ store, inputs: zeekLogs() });
  const b = await runDetection({ store, inputs: zeekLogs() });
  assert.equal(a.hub, b.hub);
  const identities = (await latest(store, 'identity')).filter((i) => i.id === a.hub);
  assert.equal(identities.length, 1);
  assert.equal((await store.get(a.hub, 'all')).length, 1);
}));

test('sightings use the configured window: one per indicator per window', () => withSeededStore(async (store) => {
  const summary = await runDetection({ store, inputs: zeekLogs(), sightings: { windowSeconds: 1 } });
  const ip = (await latest(store, 'sighting')).filter((s) => s.sighting_of_ref === IP_INDICATOR);
  // 10:00:01.25, 10:00:01.30 and 10:00:01.40 share a one-second window.
  assert.equal(ip.length, 1);
  assert.ok(summary.sightings >= 5);
}));

test('a sighting that grows is written again as a new version with a later modified', () => withSeededStore(async (store) => {
  await runDetection({ store, inputs: zeekLogs(), refreshMs: 0 });
  const ip = (await latest(store, 'sighting')).find((s) => s.sighting_of_ref === IP_INDICATOR)!;
  const versions = await store.get(ip.id as string, 'all');
  assert.ok(versions.length >= 2);
  const counts = versions.map((v) => (JSON.parse(v.json) as { count: number }).count);
  assert.equal(Math.max(...counts), 3);
  assert.ok(versions.every((v, i) => i === 0 || v.modified! > versions[i - 1]!.modified!));
}));

test('alerts name the indicator, its actor through relationships, the event and its file:line', () => withSeededStore(async (store) => {
  let out = '';
  await runDetection({ store, inputs: zeekLogs(), sinks: [jsonLinesSink({ write: (s: string) => { out += s; } })] });
  const alerts = out.trim().split('\n').map((l) => JSON.parse(l) as Alert);
  const c2 = alerts.find((a) => a.indicator.id === C2_INDICATOR)!;
  assert.equal(c2.event.source, zeek('conn.log'));
  assert.equal(c2.event.line, 9);
  assert.deepEqual(c2.attributedTo.map((a) => a.name).sort(), ['Lazarus Group', 'Volgmer']);
  const domain = alerts.find((a) => a.indicator.id === DOMAIN_INDICATOR)!;
  assert.deepEqual(domain.attributedTo.map((a) => [a.name, a.via]), [['Lazarus Group', 'indicates']]);
  assert.equal((domain.event.record as { host: string }).host, 'tpddata.com');
}));

test('an alert for a pattern over several events lists each of them', () => withSeededStore(async (store) => {
  let out = '';
  await runDetection({ store, inputs: zeekLogs(), sinks: [jsonLinesSink({ write: (s: string) => { out += s; } })] });
  const alert = out.trim().split('\n').map((l) => JSON.parse(l) as Alert).find((a) => a.indicator.id === SEQUENCE_INDICATOR)!;
  assert.deepEqual(alert.events!.map((e) => `${e.source.replace(/^.*\//, '')}:${e.line}`), ['conn.log:10', 'files.log:9']);
}));

test('alerts are POSTed to a webhook', () => withSeededStore(async (store) => {
  const received: Alert[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      received.push(JSON.parse(body) as Alert);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const stats: WebhookStats = { sent: 0, failed: 0, lastError: null };
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`;
    const summary = await runDetection({ store, inputs: zeekLogs(), sinks: [webhookSink(url, stats)] });
    assert.equal(received.length, summary.matches);
    assert.equal(stats.sent, summary.matches);
    assert.ok(received.some((a) => a.attributedTo.some((x) => x.name === 'Lazarus Group')));
  } finally {
    server.close();
  }
}));

test('a webhook that cannot be reached is counted as failed, not fatal', () => withSeededStore(async (store) => {
  const stats: WebhookStats = { sent: 0, failed: 0, lastError: null };
  const summary = await runDetection({ store, inputs: zeekLogs(), sinks: [webhookSink('http://127.0.0.1:1/none', stats)] });
  assert.ok(summary.matches > 0);
  assert.equal(stats.failed, summary.matches);
}));

test('a transaction log through a mapping is sighted as the sanctioned wallet, with the wallet SCO the feed defines', () => withSeededStore(async (store) => {
  const mapping = readMapping(join(FIXTURES, 'jsonl', 'wallets.mapping.json'));
  const summary = await runDetection({ store, inputs: expandTelemetry([join(FIXTURES, 'jsonl', 'transactions.jsonl')]), read: { format: 'jsonl', mapping } });
  assert.equal(summary.matches, 1);
  assert.equal(summary.malformed, 2);
  const sighting = (await latest(store, 'sighting')).find((s) => s.sighting_of_ref === WALLET_INDICATOR)!;
  const od = JSON.parse((await store.get((sighting.observed_data_refs as string[])[0]!))[0]!.json) as { object_refs: string[] };
  assert.ok(od.object_refs.includes(walletObject('ETH', '0x098B716B8Aaf21512996dC57EB0615e2383E2f96').id as string));
}));

test('the wallet extension id detect uses is the one the ingest definition has', () => {
  assert.equal(WALLET_EXTENSION_ID, WALLET_EXTENSION_DEFINITION.id);
});

test('stored sightings, observed-data and SCOs pass the STIX validator', () => withSeededStore(async (store) => {
  const mapping = readMapping(join(FIXTURES, 'jsonl', 'wallets.mapping.json'));
  await runDetection({ store, inputs: zeekLogs() });
  await runDetection({ store, inputs: expandTelemetry([join(FIXTURES, 'jsonl', 'transactions.jsonl')]), read: { format: 'jsonl', mapping } });
  await runDetection({ store, inputs: expandTelemetry([join(FIXTURES, 'zeek-wrccdc'), join(FIXTURES, 'suricata')]) });
  const page = await store.query({ limit: 5000 });
  const written = page.versions.map((v) => JSON.parse(v.json) as Record<string, unknown>)
    .filter((o) => !['indicator', 'relationship', 'intrusion-set', 'malware'].includes(o.type as string));
  assert.ok(written.length > 10);
  for (const o of written) {
    const errors = validateObject(o).filter((p) => p.severity === 'error');
    assert.deepEqual(errors, [], JSON.stringify(o));
  }
}));

test('while following, a detection is stored as a sighting before the input ends, and a new indicator takes effect', () => withSeededStore(async (store) => {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-follow-run-'));
  const log = join(dir, 'conn.log');
  const lines = readFileSync(zeek('conn.log'), 'utf8').split('\n');
  writeFileSync(log, `${lines.slice(0, 9).join('\n')}\n`);
  const stop = new AbortController();
  const run = runDetection({ store, inputs: expandTelemetry([log]), read: { follow: stop.signal }, refreshMs: 50 });
  try {
    const sightingOf = async (indicator: string): Promise<boolean> => (await latest(store, 'sighting')).some((s) => s.sighting_of_ref === indicator);
    const waitFor = async (indicator: string): Promise<void> => {
      while (!(await sightingOf(indicator))) await new Promise((r) => setTimeout(r, 50));
    };
    await waitFor(C2_INDICATOR);
    await store.put([{ object: { type: 'indicator', spec_version: '2.1', id: 'indicator--77777777-7777-4777-8777-777777777777', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', pattern: "[ipv4-addr:value = '198.51.100.9']", pattern_type: 'stix', valid_from: '2025-01-01T00:00:00Z' } }]);
    // Connections to its address keep arriving until one is seen after the engine has picked the indicator up.
    const line = `${readFileSync(zeek('conn-malformed.log'), 'utf8').split('\n')[8]}\n`;
    while (!(await sightingOf('indicator--77777777-7777-4777-8777-777777777777'))) {
      appendFileSync(log, line);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    stop.abort();
    await run;
    rmSync(dir, { recursive: true, force: true });
  }
}));

test('a webhook that never answers is given up on and counted as failed', async () => {
  const server = createServer(() => { /* never answers */ });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const stats: WebhookStats = { sent: 0, failed: 0, lastError: null };
    const sink = webhookSink(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, stats, 10, 200);
    sink.send({ time: '', indicator: { id: 'indicator--x', name: null, pattern: '' }, attributedTo: [], sighting: '', event: { source: '', line: 1, record: null } });
    await sink.close();
    assert.equal(stats.failed, 1);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
