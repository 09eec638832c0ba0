// Worker threads' code as plain scripts: bundled once, and kept on disk until one of their sources changes.
import { build, version as esbuildVersion } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where bundles are kept between processes: the usual place for tools' caches in a project. */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/tocsin/workers/', import.meta.url));

const bundled = new Map<string, Promise<string>>();

/**
 * A worker thread would otherwise load its TypeScript modules through tsx, which takes its boot from tens of
 * milliseconds to about two hundred, and every message to it waits for that boot. Bundling takes a few tens
 * of milliseconds of esbuild's process, which competes for the cores with the work the thread is started
 * for: so a bundle is kept on disk, with the size and modification time of every source it was made from,
 * and bundled again only when one of them differs. Installed packages (better-sqlite3, with its native addon)
 * stay outside the bundle; the script gets a `require` that resolves them from here, as an eval'd worker's
 * own would not.
 */
export function workerScript(entry: URL): Promise<string> {
  const known = bundled.get(entry.href);
  if (known) return known;
  const script = loadWorkerScript(entry, CACHE_DIR).then(wrap);
  bundled.set(entry.href, script);
  // A failed build is not kept: the next thread tries again.
  script.catch(() => { if (bundled.get(entry.href) === script) bundled.delete(entry.href); });
  return script;
}

/** The bundle of `entry`: the one kept in `cacheDir` when its sources are unchanged, else a new one (then kept). */
export async function loadWorkerScript(entry: URL, cacheDir: string): Promise<string> {
  const path = fileURLToPath(entry);
  const file = join(cacheDir, `${createHash('sha256').update(path).digest('hex').slice(0, 24)}.json`);
  const kept = readKept(file);
  if (kept !== null) return kept;
  const root = dirname(path);
  const started = Date.now();
  const result = await build({
    entryPoints: [path],
    absWorkingDir: root,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]!.text;
  const sources = Object.keys(result.metafile.inputs).map((input) => source(resolve(root, input)));
  // A source saved while esbuild read it may not be what the bundle holds: such a bundle is not kept.
  if (sources.every(([, , mtimeMs]) => mtimeMs < started)) keep(file, { esbuild: esbuildVersion, sources, script });
  return script;
}

interface Kept {
  esbuild: string;
  /** [path, size, mtimeMs] of each file the bundle was made from. */
  sources: [string, number, number][];
  script: string;
}

function source(path: string): [string, number, number] {
  const stats = statSync(path);
  return [path, stats.size, stats.mtimeMs];
}

/** The kept script, or null when there is none, it is unreadable, or any of its sources changed. */
function readKept(file: string): string | null {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Kept;
    if (kept.esbuild !== esbuildVersion) return null;
    for (const [path, size, mtimeMs] of kept.sources) {
      const [, nowSize, nowMtime] = source(path);
      if (nowSize !== size || nowMtime !== mtimeMs) return null;
    }
    return kept.script;
  } catch {
    return null;
  }
}

/** Writes the bundle under a name of its own, then renames it: a reader in another process never sees half a file. */
function keep(file: string, kept: Kept): void {
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, JSON.stringify(kept));
    renameSync(partial, file);
  } catch {
    // A cache that cannot be written only means bundling again next time; a half-written file is not left.
    removeIfThere(partial);
  }
}

function removeIfThere(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Its directory is not there either.
  }
}

function wrap(script: string): string {
  const here = JSON.stringify(fileURLToPath(import.meta.url));
  return `(function (require) {\n${script}\n})(require('node:module').createRequire(${here}));`;
}
