// The writer thread's code as one plain script, bundled once per process.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

let bundled: Promise<string> | null = null;

/**
 * The writer thread would otherwise load its TypeScript modules through tsx, which takes a worker's boot
 * from tens of milliseconds to about two hundred, and every import waits for that boot. Bundling takes a few
 * tens of milliseconds, once per process, in esbuild's own process while this one goes on reading its input.
 * Installed packages (better-sqlite3, with its native addon) stay outside the bundle; the script gets a
 * `require` that resolves them from here, as an eval'd worker's own would not.
 */
export function writerScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL('./writer-worker.ts', import.meta.url))],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).then((result) => wrap(result.outputFiles[0]!.text));
  // A failed build is not kept: the next writer tries again.
  bundled.catch(() => { bundled = null; });
  return bundled;
}

function wrap(script: string): string {
  const here = JSON.stringify(fileURLToPath(import.meta.url));
  return `(function (require) {\n${script}\n})(require('node:module').createRequire(${here}));`;
}
