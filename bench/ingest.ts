// `npm run bench -- ingest [FILE]`: imports ATT&CK Enterprise into a fresh store, against a JSON.parse floor.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importObjects, type ImportSummary } from '../src/ingest/import.ts';
import { readFile } from '../src/ingest/read-input.ts';
import { openStore } from '../src/store/open-store.ts';

const DEFAULT_FILE = fileURLToPath(new URL('../../shared/data/attack/enterprise-attack-18.1.json', import.meta.url));

export default async function ingest(args: string[]): Promise<void> {
  const file = args[0] ?? DEFAULT_FILE;
  const megabytes = statSync(file).size / 1e6;
  const floor = best(3, () => {
    const started = performance.now();
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as { objects: unknown[] };
    return { ms: performance.now() - started, objects: bundle.objects.length };
  });
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-bench-'));
  try {
    const store = await openStore(dir);
    const first = await timed(() => importObjects(store, readFile(file)));
    const again = await timed(() => importObjects(store, readFile(file)));
    await store.close();
    const rss = process.resourceUsage().maxRSS / 1024;
    const line = (label: string, ms: number, s: ImportSummary): string =>
      `${label.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms  ${Math.round(floor.objects / (ms / 1000)).toLocaleString('en').padStart(9)} objects/s  ` +
      `${(ms / floor.ms).toFixed(2)}× JSON.parse   (new ${s.newObjects}, versions ${s.newVersions}, duplicates ${s.duplicates}, rejected ${s.rejected.length})`;
    process.stdout.write(`ingest: ${file} (${megabytes.toFixed(1)} MB, ${floor.objects} objects)\n`);
    process.stdout.write(`JSON.parse ${floor.ms.toFixed(0).padStart(6)} ms  (floor: read + parse the whole file, best of 3)\n`);
    process.stdout.write(`${line('import', first.ms, first.result)}\n${line('re-import', again.ms, again.result)}\n`);
    process.stdout.write(`peak RSS   ${rss.toFixed(0)} MB\n`);
    if (first.result.rejected.length > 0) {
      process.stdout.write(`first rejections: ${JSON.stringify(first.result.rejected.slice(0, 3), null, 2)}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function best<T extends { ms: number }>(runs: number, body: () => T): T {
  let winner = body();
  for (let i = 1; i < runs; i++) {
    const next = body();
    if (next.ms < winner.ms) winner = next;
  }
  return winner;
}

async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await body();
  return { ms: performance.now() - started, result };
}
