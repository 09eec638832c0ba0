// Worker threads: a threaded run finds exactly what one thread finds, follows indicator changes, and fails cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { validatePattern } from '../../src/pattern/index.ts';
import type { FieldMapping } from '../../src/detect/adapters/field-mapping.ts';
import { jsonLinesSink } from '../../src/detect/alert-sinks.ts';
import { DetectionSession, runDetection, type DetectSummary } from '../../src/detect/detect-run.ts';
import { DetectionEngine, type Detection } from '../../src/detect/engine.ts';
import type { TelemetryEvent } from '../../src/detect/event.ts';
import { expandTelemetry } from '../../src/detect/input/telemetry-inputs.ts';
import { newReadStats, readTelemetry } from '../../src/detect/telemetry-reader.ts';
import { lineBatches } from '../../src/detect/threads/line-batches.ts';
import { MatchPool } from '../../src/detect/threads/match-pool.ts';
import { DetectionWorkerError, ThreadGroup } from '../../src/detect/threads/thread-group.ts';
import { AUTO_MAX_INDICATORS, AUTO_MIN_BYTES, threadsFor } from '../../src/detect/threads/thread-count.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { compoundPattern, eventStream, indicatorFor, observation } from './generated.ts';
import { FIXTURES } from './read-events.ts';
import { C2_INDICATOR, IP_INDICATOR, SEQUENCE_INDICATOR, seed } from './seed.ts';

const valid = (p: string): boolean => validatePattern(p).every((d) => d.severity !== 'error');

/** The generated events' SCOs as JSON-lines records, read back through this mapping. */
const MAPPING: FieldMapping = {
  time: 't',
  objects: [
    { name: 'src', type: 'ipv4-addr', properties: { value: 'src' } },
    { name: 'dst', type: 'ipv4-addr', properties: { value: 'dst' } },
    { type: 'network-traffic', properties: { dst_port: 'dport', src_port: 'sport', protocols: 'protocols' }, refs: { src_ref: 'src', dst_ref: 'dst' } },
    { type: 'domain-name', properties: { value: 'domain' } },
    { type: 'url', properties: { value: 'url' } },
    { type: 'file', properties: { 'hashes.MD5': 'md5', size: 'size', name: 'fname' } },
  ],
};

function recordOf(e: TelemetryEvent): Record<string, unknown> {
  const [src, dst, nt, ...rest] = e.objects as Record<string, unknown>[];
  const r: Record<string, unknown> = { t: e.time, src: src!.value, dst: dst!.value, dport: nt!.dst_port, sport: nt!.src_port, protocols: nt!.protocols };
  for (const o of rest) {
    if (o.type === 'domain-name') r.domain = o.value;
    if (o.type === 'url') r.url = o.value;
    if (o.type === 'file') Object.assign(r, { md5: (o.hashes as { MD5: string }).MD5, size: o.size, fname: o.name });
  }
  return r;
}

/** A detection as compared: the indicator, the line that completed it, and every line taking part. */
const described = (d: Detection): string =>
  `${d.indicator.id} ${d.trigger.source}:${d.trigger.line} [${d.events.map((e) => `${e.source}:${e.line}`).join(' ')}]`;

async function withDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-threads-'));
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('two threads report the same detections and malformed lines as one, patterns over several observations included', async () => {
  // Every event is a file of its own, so that consecutive events go to different threads.
  await fc.assert(fc.asyncProperty(
    fc.array(fc.oneof(observation, compoundPattern, compoundPattern), { minLength: 1, maxLength: 8 }),
    eventStream,
    fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    async (patterns, events, broken) => {
      const usable = patterns.filter(valid);
      fc.pre(usable.length > 0);
      const indicators = usable.map(indicatorFor);
      await withDir(async (dir) => {
        const files = events.map((e, i) => {
          const file = join(dir, `${String(i).padStart(3, '0')}.jsonl`);
          writeFileSync(file, `${broken[i] ? '{"t": "never"}\n' : ''}${JSON.stringify(recordOf(e))}\n`);
          return file;
        });
        const read = { format: 'jsonl' as const, mapping: MAPPING };

        const engine = new DetectionEngine();
        engine.load(indicators);
        const oneStats = newReadStats();
        const one: string[] = [];
        for await (const batch of readTelemetry(expandTelemetry(files), read, oneStats)) {
          for (const e of batch) for (const d of engine.process(e)) one.push(described(d));
        }

        const windows = new DetectionEngine({ only: 'several-observations' });
        const pool = await MatchPool.start(2);
        const two: string[] = [];
        const malformed: string[] = [];
        try {
          pool.index(indicators.map((i) => JSON.stringify(i)), Date.now());
          windows.adopt((await pool.loaded()).several);
          for await (const batch of pool.match(lineBatches(expandTelemetry(files), read, newReadStats()))) {
            for (const m of batch.malformed) malformed.push(`${m.source}:${m.line}: ${m.reason}`);
            for (const { event, hits } of batch.hits) for (const d of windows.complete(event, hits)) two.push(described(d));
          }
        } finally {
          await pool.close();
        }
        assert.deepEqual(two, one);
        assert.deepEqual(malformed, oneStats.malformedLines.map((m) => `${m.source}:${m.line}: ${m.reason}`));
      });
    },
  ), { numRuns: 40 });
});

const CONN_HEADER = [
  '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\tconn', '#open\t2026-11-20-10-00-00',
];

/**
 * A Zeek TSV conn log longer than a batch, whose second half has its own header block with the columns in
 * another order: a thread reading it must carry on from the headers another thread read.
 */
function connLog(lines: number): string {
  const out = [...CONN_HEADER, '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto', '#types\ttime\tstring\taddr\tport\taddr\tport\tenum'];
  for (let i = 0; i < lines; i++) {
    if (i === lines / 2) out.push('#fields\tid.resp_h\tid.resp_p\tts\tuid\tid.orig_h\tid.orig_p\tproto', '#types\taddr\tport\ttime\tstring\taddr\tport\tenum');
    const ts = (1763632790 + i * 0.005).toFixed(6);
    const resp = i % 97 === 0 ? '196.38.48.121' : i % 89 === 0 ? '198.51.100.7' : `203.0.113.${i % 250}`;
    const port = i % 89 === 0 ? '443' : '8080';
    if (i % 301 === 0) out.push(`${ts}\tC${i}\tbroken`);
    else if (i < lines / 2) out.push(`${ts}\tC${i}\t192.0.2.10\t${51000 + (i % 1000)}\t${resp}\t${port}\ttcp`);
    else out.push(`${resp}\t${port}\t${ts}\tC${i}\t192.0.2.10\t${51000 + (i % 1000)}\ttcp`);
  }
  return `${out.join('\n')}\n`;
}

interface RunOutcome {
  summary: Omit<DetectSummary, 'elapsedMs' | 'eventsPerSecond' | 'threads' | 'indicators' | 'hub'>;
  alerts: string;
  sightings: string[];
}

async function detectWith(threads: number, inputs: string[]): Promise<RunOutcome> {
  return withDir(async (dir) => {
    const store = await openStore(join(dir, 'store'));
    try {
      await seed(store);
      const out = new PassThrough();
      let alerts = '';
      out.on('data', (d: Buffer) => { alerts += d.toString(); });
      const s = await runDetection({ store, inputs: expandTelemetry(inputs), threads, sinks: [jsonLinesSink(out)] });
      assert.equal(s.threads, threads);
      const { elapsedMs: _e, eventsPerSecond: _r, threads: _t, indicators: _i, hub: _h, ...summary } = s;
      const page = await store.query({ types: ['sighting'], limit: 1000 });
      const sightings = page.versions.map((v) => JSON.parse(v.json) as Record<string, unknown>)
        .map((x) => `${x.sighting_of_ref as string} ${x.count as number} ${x.first_seen as string} ${x.last_seen as string} ${(x.observed_data_refs as string[]).length}`)
        .sort();
      // Sighting ids are new in every run.
      return { summary, alerts: alerts.replace(/sighting--[0-9a-f-]{36}/g, 'sighting--…'), sightings };
    } finally {
      await store.close();
    }
  });
}

test('a threaded run records the same sightings, alerts and summary as one thread', () => withDir(async (dir) => {
  const conn = join(dir, 'conn.log');
  writeFileSync(conn, connLog(6000));
  const inputs = [conn, join(FIXTURES, 'zeek', 'files.log'), join(FIXTURES, 'zeek', 'conn-malformed.log'), join(FIXTURES, 'stix', 'observed.json'), join(FIXTURES, 'suricata')];
  const one = await detectWith(1, inputs);
  const two = await detectWith(2, inputs);
  assert.ok(one.summary.byIndicator.some((m) => m.id === SEQUENCE_INDICATOR), 'the FOLLOWEDBY indicator matched');
  assert.ok(one.summary.byIndicator.some((m) => m.id === IP_INDICATOR && m.matches > 60), 'both halves of the log matched');
  assert.ok(one.summary.malformed > 10);
  assert.deepEqual(two.summary, one.summary);
  assert.deepEqual(two.sightings, one.sightings);
  assert.equal(two.alerts, one.alerts);
}));

const ADDED = 'indicator--77777777-7777-4777-8777-777777777777';
const ADDED_SEQUENCE = 'indicator--88888888-8888-4888-8888-888888888888';

async function put(store: Store, id: string, pattern: string, extra: Record<string, unknown> = {}): Promise<void> {
  const at = extra.modified as string | undefined ?? '2025-02-01T00:00:00.000Z';
  await store.put([{ object: {
    type: 'indicator', spec_version: '2.1', id, created: '2025-02-01T00:00:00.000Z', modified: at, pattern, pattern_type: 'stix',
    valid_from: '2025-01-01T00:00:00Z', ...extra,
  } }]);
}

test('indicators added, changed and revoked in the store take effect in every thread of a running session', () => withDir(async (dir) => {
  const store = await openStore(join(dir, 'store'));
  const out = new PassThrough();
  let alerts = '';
  out.on('data', (d: Buffer) => { alerts += d.toString(); });
  const session = await DetectionSession.open({ store, threads: 2, refreshMs: 0, sinks: [jsonLinesSink(out)] });
  try {
    await seed(store);
    const conn = join(dir, 'conn.log');
    writeFileSync(conn, connLog(6000));
    const nudge = join(dir, 'nudge.log');
    writeFileSync(nudge, connLog(2));
    const files = join(FIXTURES, 'zeek', 'files.log');
    const matched = (s: DetectSummary): string[] => s.byIndicator.map((m) => m.id).sort();

    // Opened on an empty store: the seeded indicators come in through the first look after a batch.
    await session.consume(expandTelemetry([nudge]));
    const first = await session.consume(expandTelemetry([conn, files]));
    assert.ok(matched(first).includes(IP_INDICATOR));
    assert.ok(matched(first).includes(SEQUENCE_INDICATOR));
    // Each call's inputs are read by their own decoders, not by those of an earlier call's inputs.
    const sources = new Set(alerts.trim().split('\n').map((l) => (JSON.parse(l) as { event: { source: string } }).event.source));
    assert.deepEqual([...sources].sort(), [conn, files].sort());

    await put(store, ADDED, "[ipv4-addr:value = '203.0.113.7']");
    await put(store, ADDED_SEQUENCE, "([ipv4-addr:value = '203.0.113.9'] FOLLOWEDBY [file:hashes.MD5 = '0cc175b9c0f1b6a831c399e269772661']) WITHIN 60 SECONDS");
    await put(store, IP_INDICATOR, "[ipv4-addr:value = '196.38.48.121']", { revoked: true, modified: '2025-03-01T00:00:00.000Z', created: '2025-01-01T00:00:00.000Z' });
    await session.consume(expandTelemetry([nudge]));
    const second = await session.consume(expandTelemetry([conn, files]));
    const ids = matched(second);
    assert.ok(ids.includes(ADDED), 'a new indicator matches');
    assert.ok(ids.includes(ADDED_SEQUENCE), 'a new pattern over several observations matches');
    assert.ok(!ids.includes(IP_INDICATOR), 'a revoked indicator no longer matches');
    const added = second.byIndicator.find((m) => m.id === ADDED)!;
    // 203.0.113.7 is every 250th line's address: as many matches as one thread finds.
    assert.equal(added.matches, connLog(6000).split('\n').filter((l) => /\t203\.0\.113\.7\t|^203\.0\.113\.7\t/.test(l)).length);
  } finally {
    await session.close();
    await store.close();
  }
}));

test('batches given to a threaded session together are matched one after the other, each with its own figures', () => withDir(async (dir) => {
  const store = await openStore(join(dir, 'store'));
  try {
    await seed(store);
    const conn = join(dir, 'conn.log');
    writeFileSync(conn, connLog(6000));
    const one = await detectWith(1, [conn]);
    const session = await DetectionSession.open({ store, threads: 2 });
    try {
      const [a, b] = await Promise.all([session.consume(expandTelemetry([conn])), session.consume(expandTelemetry([conn]))]);
      for (const s of [a, b]) {
        assert.equal(s.events, one.summary.events);
        assert.deepEqual(s.byIndicator, one.summary.byIndicator);
        assert.deepEqual(s.malformedLines, one.summary.malformedLines);
      }
    } finally {
      await session.close();
    }
  } finally {
    await store.close();
  }
}));

/** Waits until `done` holds, looking every 20 ms for at most 10 s. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(done(), 'waited 10 s in vain');
}

test('a followed file read by two threads is matched as its lines are written, and the run stops when asked', () => withDir(async (dir) => {
  const store = await openStore(join(dir, 'store'));
  try {
    await seed(store);
    const session = await DetectionSession.open({ store, threads: 2 });
    try {
      const fixture = readFileSync(join(FIXTURES, 'zeek', 'conn.log'), 'utf8').split('\n');
      const header = fixture.filter((l) => l.startsWith('#') && !l.startsWith('#close')).map((l) => `${l}\n`).join('');
      const [c2, lazarus] = fixture.filter((l) => l !== '' && !l.startsWith('#')).map((l) => `${l}\n`);
      const log = join(dir, 'conn.log');
      writeFileSync(log, header + c2!);
      const stop = new AbortController();
      let latest: DetectSummary | undefined;
      const running = session.consume(expandTelemetry([log]), { follow: stop.signal }, (s) => { latest = s; });
      // The file then stays quiet: the detection must not wait for another line.
      await until(() => latest?.matches === 1);
      appendFileSync(log, lazarus!);
      await until(() => latest?.matches === 2);
      stop.abort();
      const figures = await running;
      assert.equal(figures.events, 2);
      assert.deepEqual(figures.byIndicator.map((m) => m.id).sort(), [C2_INDICATOR, IP_INDICATOR].sort());
    } finally {
      await session.close();
    }
  } finally {
    await store.close();
  }
}));

test('a worker thread that throws fails the wait with a DetectionWorkerError naming the error', async () => {
  const script = "require('node:worker_threads').parentPort.on('message', () => { throw new Error('index exploded'); });";
  const group = new ThreadGroup<string, string>(script, 2, () => {});
  try {
    group.post(1, 'go');
    await assert.rejects(group.until(new Promise(() => {})), (err: Error) => {
      assert.ok(err instanceof DetectionWorkerError);
      assert.match(err.message, /detection worker thread 2 failed: index exploded/);
      return true;
    });
    assert.throws(() => group.post(0, 'again'), DetectionWorkerError);
  } finally {
    await group.close();
  }
});

test('a worker thread that exits fails the wait with its exit code', async () => {
  const group = new ThreadGroup<string, string>('process.exit(3)', 1, () => {});
  try {
    await assert.rejects(group.until(new Promise(() => {})), /detection worker thread 1 stopped \(exit code 3\)/);
  } finally {
    await group.close();
  }
});

test('auto uses several threads only for a large input, an index small enough to copy, and more than one core', async () => {
  const large = { indicators: async () => 1000, inputBytes: AUTO_MIN_BYTES, follow: false };
  assert.equal(await threadsFor('auto', { ...large, cores: 2 }), 2);
  assert.equal(await threadsFor('auto', { ...large, cores: 16 }), 4);
  assert.equal(await threadsFor('auto', { ...large, cores: 1 }), 1);
  assert.equal(await threadsFor('auto', { ...large, cores: 2, indicators: async () => AUTO_MAX_INDICATORS + 1 }), 1);
  assert.equal(await threadsFor('auto', { ...large, cores: 2, inputBytes: AUTO_MIN_BYTES - 1 }), 1);
  assert.equal(await threadsFor('auto', { ...large, cores: 2, follow: true }), 1);
  // Four copies of 250,000 indicators would pass the memory budget: as many as fit.
  assert.equal(await threadsFor('auto', { ...large, cores: 16, indicators: async () => AUTO_MAX_INDICATORS }), 3);
  assert.equal(await threadsFor(3, { ...large, cores: 1 }), 3);
});

test('auto does not count the store when the input alone rules threads out', async () => {
  const counted = await threadsFor('auto', { inputBytes: 1000, follow: false, cores: 8, indicators: () => Promise.reject(new Error('counted')) });
  assert.equal(counted, 1);
});
