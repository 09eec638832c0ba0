// One measurement of `npm run bench -- detect`, in its own process so that its peak RSS is its own.
// Usage: detect-child.ts floor EVENTS | engine N EVENTS | threads T N EVENTS | store-fill N DIR | store-load DIR —
// prints one JSON line.
import { createReadStream } from 'node:fs';
import { openStore } from '../../src/store/open-store.ts';
import { DetectionEngine } from '../../src/detect/engine.ts';
import { expandTelemetry } from '../../src/detect/input/telemetry-inputs.ts';
import { newReadStats, readTelemetry } from '../../src/detect/telemetry-reader.ts';
import { lines } from '../../src/detect/input/line-stream.ts';
import { lineBatches } from '../../src/detect/threads/line-batches.ts';
import { MatchPool } from '../../src/detect/threads/match-pool.ts';
import { indicator } from './detect-workload.ts';

const [mode, a, b, c] = process.argv.slice(2) as [string, string, string | undefined, string | undefined];
const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

if (mode === 'floor') {
  // Reading the same file line by line and JSON.parse of every line: what any JSON log reader pays.
  let best = Infinity;
  let count = 0;
  for (let k = 0; k < 2; k++) {
    const started = performance.now();
    count = 0;
    for await (const batch of lines(createReadStream(a, { highWaterMark: 1 << 20 }))) {
      for (const l of batch) if (JSON.parse(l.text) !== null) count++;
    }
    best = Math.min(best, performance.now() - started);
  }
  process.stdout.write(`${JSON.stringify({ ms: best, events: count, rssMb: peakMb() })}\n`);
} else if (mode === 'store-fill') {
  // Puts N generated indicators into a SQLite store in directory b.
  const size = Number(a);
  const store = await openStore(b!);
  const started = performance.now();
  for (let i = 0; i < size; i += 5000) {
    const items = [];
    for (let j = i; j < Math.min(size, i + 5000); j++) items.push({ object: indicator(j) });
    await store.put(items);
  }
  await store.close();
  process.stdout.write(`${JSON.stringify({ size, putMs: performance.now() - started, rssMb: peakMb() })}\n`);
} else if (mode === 'store-load') {
  // What `tocsin detect` pays at start: reading the indicators from the store in directory a and indexing them.
  const store = await openStore(a);
  const engine = new DetectionEngine();
  const load = await engine.loadFrom(store);
  await store.close();
  process.stdout.write(`${JSON.stringify({ loadMs: load.buildMs, active: load.active, rssMb: peakMb() })}\n`);
} else if (mode === 'threads') {
  // As a threaded DetectionSession runs: T worker threads with a copy of the index each, the windows of the
  // patterns over several observations on the main thread.
  const threads = Number(a);
  const size = Number(b);
  const windows = new DetectionEngine({ only: 'several-observations' });
  const buildStart = performance.now();
  const pool = await MatchPool.start(threads);
  for (let i = 0; i < size; i += 2000) {
    const page: string[] = [];
    for (let j = i; j < Math.min(size, i + 2000); j++) page.push(JSON.stringify(indicator(j)));
    pool.index(page, Date.now());
  }
  const { report: load, several } = await pool.loaded();
  windows.adopt(several);
  const buildMs = performance.now() - buildStart;
  const afterBuildMb = Math.round(process.memoryUsage().rss / 1048576);
  const stats = newReadStats();
  let matches = 0;
  let events = 0;
  const cpu0 = cpuMs();
  const started = performance.now();
  for await (const batch of pool.match(lineBatches(expandTelemetry([c!]), { format: 'zeek' }, stats))) {
    events += batch.events;
    for (const { event, hits } of batch.hits) matches += windows.complete(event, hits).length;
  }
  const ms = performance.now() - started;
  const cpu = cpuMs() - cpu0;
  const index = await pool.stats();
  await pool.close();
  process.stdout.write(`${JSON.stringify({
    size, threads, active: load.active, buildMs, afterBuildMb, ms, cpuMs: cpu, events, malformed: stats.malformed, matches,
    index, partial: windows.partialMatches, rssMb: peakMb(),
  })}\n`);
} else {
  const size = Number(a);
  const engine = new DetectionEngine();
  function* indicators(): Generator<Record<string, unknown>> {
    for (let i = 0; i < size; i++) yield indicator(i);
  }
  const buildStart = performance.now();
  const load = engine.load(indicators());
  const buildMs = performance.now() - buildStart;
  const afterBuildMb = Math.round(process.memoryUsage().rss / 1048576);
  const stats = newReadStats();
  let matches = 0;
  const cpu0 = cpuMs();
  const started = performance.now();
  for await (const batch of readTelemetry(expandTelemetry([b!]), { format: 'zeek' }, stats)) {
    for (const e of batch) matches += engine.process(e).length;
  }
  const ms = performance.now() - started;
  const cpu = cpuMs() - cpu0;
  process.stdout.write(`${JSON.stringify({
    size, active: load.active, buildMs, afterBuildMb, ms, cpuMs: cpu, events: stats.events, malformed: stats.malformed, matches,
    index: engine.indexStats(), partial: engine.partialMatches, rssMb: peakMb(),
  })}\n`);
}
