// One measurement of `npm run bench -- ingest`, in its own process so that its peak RSS is its own.
// Usage: ingest-child.ts floor|import|bundle FILE — prints one JSON line.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importObjects } from '../../src/ingest/import.ts';
import { readFile } from '../../src/ingest/read-input.ts';
import { openStore } from '../../src/store/open-store.ts';

const [mode, file] = process.argv.slice(2) as [string, string];

async function timed<T>(body: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await body();
  return { ms: performance.now() - started, result };
}

const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

if (mode === 'floor') {
  let best = Infinity;
  let first = 0;
  let objects = 0;
  for (let i = 0; i < 3; i++) {
    const { ms, result } = await timed(() => JSON.parse(readFileSync(file, 'utf8')) as { objects: unknown[] });
    if (i === 0) first = ms;
    best = Math.min(best, ms);
    objects = result.objects.length;
  }
  process.stdout.write(`${JSON.stringify({ ms: best, firstMs: first, objects, rssMb: peakMb() })}\n`);
} else {
  const dirs: string[] = [];
  const freshStore = () => {
    dirs.push(mkdtempSync(join(tmpdir(), 'tocsin-bench-')));
    return openStore(dirs.at(-1)!);
  };
  try {
    const store = await freshStore();
    const first = await timed(() => importObjects(store, readFile(file)));
    const again = mode === 'import' ? await timed(() => importObjects(store, readFile(file))) : null;
    await store.close();
    // A long-running hub imports with its code already compiled: the same import again, into another fresh
    // database (whose writer thread is new).
    const other = mode === 'import' ? await freshStore() : null;
    const warm = other ? await timed(() => importObjects(other, readFile(file))) : null;
    await other?.close();
    const summary = (s: typeof first.result) => ({ new: s.newObjects, versions: s.newVersions, duplicates: s.duplicates, rejected: s.rejected.length });
    process.stdout.write(`${JSON.stringify({
      importMs: first.ms, import: summary(first.result),
      ...(again ? { reimportMs: again.ms, reimport: summary(again.result) } : {}),
      ...(warm ? { warmMs: warm.ms, warm: summary(warm.result) } : {}),
      rssMb: peakMb(),
    })}\n`);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
