import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DetectionEngine } from '../../src/detect/engine.ts';
import type { TelemetryEvent } from '../../src/detect/event.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { indicatorFor } from './generated.ts';

function ipEvent(ip: string, time = 1_700_000_000, line = 1): TelemetryEvent {
  return { time, objects: [{ type: 'ipv4-addr', value: ip }], source: 'test', line, record: null };
}

async function withStore(body: (store: Store) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-detect-'));
  const store = await openStore(dir);
  try {
    await body(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('engine loads the store indicators and reports an event that matches one', () => withStore(async (store) => {
  await store.put([{ object: indicatorFor("[ipv4-addr:value = '203.0.113.9']") }, { object: indicatorFor("[domain-name:value = 'x.example']") }]);
  const engine = new DetectionEngine();
  const report = await engine.loadFrom(store);
  assert.equal(report.active, 2);
  assert.equal(engine.process(ipEvent('203.0.113.9')).length, 1);
  assert.equal(engine.process(ipEvent('203.0.113.10')).length, 0);
}));

test('indicators not in force, revoked, or not STIX patterns are not watched', () => {
  const engine = new DetectionEngine({ now: () => Date.parse('2026-01-01T00:00:00Z') });
  const report = engine.load([
    { ...indicatorFor("[ipv4-addr:value = '203.0.113.1']"), valid_until: '2025-06-01T00:00:00Z' },
    { ...indicatorFor("[ipv4-addr:value = '203.0.113.2']"), valid_from: '2027-01-01T00:00:00Z' },
    { ...indicatorFor("[ipv4-addr:value = '203.0.113.3']"), revoked: true },
    { ...indicatorFor('alert tcp any any -> any any'), pattern_type: 'snort' },
    indicatorFor("[ipv4-addr:value = 42]"),
    indicatorFor("[ipv4-addr:value = '203.0.113.4']"),
  ]);
  assert.equal(report.active, 1);
  assert.deepEqual(report.skipped, { 'not-in-force': 2, revoked: 1, 'not-stix': 1, 'invalid-pattern': 1 });
  for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) assert.equal(engine.process(ipEvent(ip)).length, 0);
  assert.equal(engine.process(ipEvent('203.0.113.4')).length, 1);
});

test('an indicator added to the store takes effect at the next refresh, without a restart', () => withStore(async (store) => {
  await store.put([{ object: indicatorFor("[ipv4-addr:value = '203.0.113.9']") }]);
  const engine = new DetectionEngine();
  await engine.loadFrom(store);
  assert.equal(engine.process(ipEvent('198.51.100.1')).length, 0);
  await store.put([{ object: indicatorFor("[ipv4-addr:value = '198.51.100.1']") }]);
  assert.equal(await engine.refresh(store), 1);
  assert.equal(engine.process(ipEvent('198.51.100.1')).length, 1);
  assert.equal(engine.activeCount, 2);
}));

test('a revoked or changed indicator stops matching at the next refresh', () => withStore(async (store) => {
  const a = indicatorFor("[ipv4-addr:value = '203.0.113.9']");
  const b = indicatorFor("[ipv4-addr:value = '203.0.113.8']");
  await store.put([{ object: a }, { object: b }]);
  const engine = new DetectionEngine();
  await engine.loadFrom(store);
  await store.put([
    { object: { ...a, modified: '2025-02-01T00:00:00.000Z', revoked: true } },
    { object: { ...b, modified: '2025-02-01T00:00:00.000Z', pattern: "[ipv4-addr:value = '203.0.113.7']" } },
  ]);
  await engine.refresh(store);
  assert.equal(engine.process(ipEvent('203.0.113.9')).length, 0);
  assert.equal(engine.process(ipEvent('203.0.113.8')).length, 0);
  assert.equal(engine.process(ipEvent('203.0.113.7')).length, 1);
  assert.equal(engine.activeCount, 1);
}));

test('an indicator whose valid_until passes is dropped at the next refresh', () => withStore(async (store) => {
  let now = Date.parse('2026-01-01T00:00:00Z');
  await store.put([{ object: { ...indicatorFor("[ipv4-addr:value = '203.0.113.9']"), valid_until: '2026-01-02T00:00:00Z' } }]);
  const engine = new DetectionEngine({ now: () => now });
  await engine.loadFrom(store);
  assert.equal(engine.process(ipEvent('203.0.113.9')).length, 1);
  now = Date.parse('2026-01-03T00:00:00Z');
  await engine.refresh(store);
  assert.equal(engine.process(ipEvent('203.0.113.9')).length, 0);
}));

test('a multi-observation pattern is detected when its last observation arrives, naming all its events', () => {
  const engine = new DetectionEngine();
  engine.load([indicatorFor("([ipv4-addr:value = '203.0.113.1'] FOLLOWEDBY [ipv4-addr:value = '203.0.113.2']) WITHIN 60 SECONDS")]);
  assert.equal(engine.process(ipEvent('203.0.113.1', 1000, 1)).length, 0);
  const [d] = engine.process(ipEvent('203.0.113.2', 1030, 2));
  assert.deepEqual(d!.events.map((e) => e.line), [1, 2]);
});

test('partial matches expire with their WITHIN window', () => {
  const engine = new DetectionEngine();
  engine.load([indicatorFor("([ipv4-addr:value = '203.0.113.1'] AND [ipv4-addr:value = '203.0.113.2']) WITHIN 60 SECONDS")]);
  engine.process(ipEvent('203.0.113.1', 1000));
  assert.equal(engine.partialMatches, 1);
  assert.equal(engine.process(ipEvent('203.0.113.2', 1100)).length, 0);
  assert.equal(engine.partialMatches, 1);
  assert.equal(engine.windowCounters.expired, 1);
});

test('a flood of partial matches for an unbounded pattern is capped and the drops are counted', () => {
  const engine = new DetectionEngine({ maxPartial: 50 });
  engine.load([indicatorFor("[ipv4-addr:value = '203.0.113.1'] AND [domain-name:value = 'never.example']")]);
  for (let i = 0; i < 500; i++) engine.process(ipEvent('203.0.113.1', 1000 + i));
  assert.equal(engine.partialMatches, 50);
  assert.equal(engine.windowCounters.dropped, 450);
});

test('the index sends only candidate events to the matcher, however many indicators there are', () => {
  const engine = new DetectionEngine();
  const indicators = [];
  for (let i = 0; i < 20_000; i++) indicators.push(indicatorFor(`[ipv4-addr:value = '10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}']`));
  indicators.push(indicatorFor("[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '10.0.0.7' AND network-traffic:dst_port = 443]"));
  engine.load(indicators);
  const event: TelemetryEvent = {
    time: 1, source: 't', line: 1, record: null,
    objects: [{ type: 'ipv4-addr', value: '192.0.2.1' }, { type: 'ipv4-addr', value: '10.0.0.7' }, { type: 'network-traffic', src_ref: '0', dst_ref: '1', dst_port: 443, protocols: ['tcp'] }],
  };
  assert.equal(engine.process(event).length, 2);
  assert.equal(engine.indexStats().candidates, 2);
});

test('with thousands of exact values (filtered index) every listed value is found and no other', () => {
  const engine = new DetectionEngine();
  const listed = Array.from({ length: 10_000 }, (_, i) => `host${i}.example.net`);
  engine.load(listed.map((d) => indicatorFor(`[domain-name:value = '${d}']`)));
  const event = (d: string): TelemetryEvent => ({ time: 1, objects: [{ type: 'domain-name', value: d }], source: 't', line: 1, record: null });
  for (let i = 0; i < 10_000; i += 37) assert.equal(engine.process(event(listed[i]!)).length, 1, listed[i]);
  for (let i = 0; i < 2_000; i++) assert.equal(engine.process(event(`other${i}.example.net`)).length, 0);
});

test('partial matches of many patterns together stay under the global budget, the oldest dropped first', () => {
  const engine = new DetectionEngine({ maxPartial: 1000, maxPartialTotal: 200 });
  engine.load(Array.from({ length: 20 }, (_, i) => indicatorFor(`[ipv4-addr:value = '203.0.113.1'] AND [domain-name:value = 'never${i}.example']`)));
  for (let i = 0; i < 100; i++) engine.process(ipEvent('203.0.113.1', 1000 + i));
  assert.ok(engine.partialMatches <= 200);
  assert.equal(engine.partialMatches + engine.windowCounters.dropped, 2000);
});
