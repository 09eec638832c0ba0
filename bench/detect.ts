// `npm run bench -- detect [EVENTS]`: Zeek dns/conn/http events against 1k, 100k and 1M generated indicators;
// events/s on one core, index build time and peak RSS per size (each in its own process), beside two floors
// measured on the same events: reading + JSON.parse of every line, and `grep -F -f` of the exact values; and
// for 1k and 100k, the same with worker threads (as `tocsin detect --threads N`).
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exactValues, Random, zeekEvent } from './support/detect-workload.ts';

const CHILD = fileURLToPath(new URL('./support/detect-child.ts', import.meta.url));
const SIZES = [1_000, 100_000, 1_000_000];
/** Sizes also measured with worker threads (a copy of the index per thread: not the million). */
const THREADED_SIZES = [1_000, 100_000];
const THREADS = Math.max(2, Math.min(availableParallelism(), 4));

function child<T>(...args: string[]): T {
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', CHILD, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as T;
}

interface EngineRun {
  size: number; active: number; buildMs: number; afterBuildMb: number; ms: number; cpuMs: number; events: number; malformed: number;
  matches: number; index: { paths: number; entries: number; candidates: number; confirmed: number }; partial: number; rssMb: number;
}

type ThreadedRun = EngineRun & { threads: number };

export default async function detect(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 1_000_000);
  const print = (text: string): void => { process.stdout.write(`${text}\n`); };
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-bench-detect-'));
  try {
    const events = join(dir, 'events.jsonl');
    const out = createWriteStream(events);
    const r = new Random(12345);
    for (let j = 0; j < count; j++) {
      if (!out.write(`${zeekEvent(j, r, SIZES[SIZES.length - 1]!)}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'close');
    const mb = statSync(events).size / 1e6;
    print(`detect: ${count.toLocaleString('en')} Zeek JSON events (conn 50%, dns 30%, http 20%; ${mb.toFixed(0)} MB), one core each ` +
      `unless threads are said (${availableParallelism()} cores here)`);
    const floor = child<{ ms: number; events: number; rssMb: number }>('floor', events);
    const rate = (n: number, ms: number): string => `${Math.round(n / (ms / 1000)).toLocaleString('en').padStart(10)} events/s`;
    print(`floor  JSON.parse       ${floor.ms.toFixed(0).padStart(7)} ms ${rate(floor.events, floor.ms)}  (read + JSON.parse of every line, best of 2)`);
    for (const size of SIZES) {
      const run = child<EngineRun>('engine', String(size), events);
      const grep = grepFloor(dir, events, size);
      print(`${size.toLocaleString('en').padStart(9)} indicators: index build ${(run.buildMs / 1000).toFixed(2)} s, ` +
        `${rate(run.events, run.ms)} (${rate(run.events, run.cpuMs).trim()} of CPU), ${(run.ms / floor.ms).toFixed(2)}× JSON.parse, ` +
        `peak RSS ${run.rssMb} MB (${run.afterBuildMb} MB after build); ${run.matches.toLocaleString('en')} matches, ` +
        `${run.index.candidates.toLocaleString('en')} candidates; grep -F -f ${grep.values.toLocaleString('en')} values ${grep.ms.toFixed(0)} ms ` +
        `(${rate(run.events, grep.ms).trim()}, ${grep.lines.toLocaleString('en')} lines)`);
      if (THREADED_SIZES.includes(size)) {
        const t = child<ThreadedRun>('threads', String(THREADS), String(size), events);
        print(`${''.padStart(9)}  ${t.threads} threads: index build ${(t.buildMs / 1000).toFixed(2)} s, ${rate(t.events, t.ms)} ` +
          `(${rate(t.events, t.cpuMs).trim()} of CPU, all threads), ${(t.events / (t.ms / 1000) / (run.events / (run.ms / 1000))).toFixed(2)}× one thread, ` +
          `${(t.ms / floor.ms).toFixed(2)}× JSON.parse, peak RSS ${t.rssMb} MB (${t.afterBuildMb} MB after build); ${t.matches.toLocaleString('en')} matches`);
      }
    }
    for (const size of SIZES.slice(1)) {
      const storeDir = join(dir, `store-${size}`);
      const fill = child<{ putMs: number }>('store-fill', String(size), storeDir);
      const s = child<{ loadMs: number; active: number; rssMb: number }>('store-load', storeDir);
      print(`start-up from a SQLite store, ${size.toLocaleString('en')} indicators: read + index ${(s.loadMs / 1000).toFixed(2)} s, ` +
        `peak RSS ${s.rssMb} MB (storing them took ${(fill.putMs / 1000).toFixed(1)} s, in another process)`);
      rmSync(storeDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `grep -F -f` of the set's exact values over the same file: the classic "IOC grep", best of 2. */
function grepFloor(dir: string, events: string, size: number): { ms: number; values: number; lines: number } {
  const values = exactValues(size);
  const file = join(dir, `values-${size}.txt`);
  writeFileSync(file, `${values.join('\n')}\n`);
  let best = Infinity;
  let lines = 0;
  for (let k = 0; k < 2; k++) {
    const started = performance.now();
    const res = spawnSync('grep', ['-c', '-F', '-f', file, events], { encoding: 'utf8' });
    best = Math.min(best, performance.now() - started);
    lines = Number(res.stdout.trim()) || 0;
  }
  return { ms: best, values: values.length, lines };
}
