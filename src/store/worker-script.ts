// Worker threads' code as plain scripts, each bundled once per process (the store's writer, detection's matchers).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const bundled = new Map<string, Promise<string>>();

/**
 * A worker thread would otherwise load its TypeScript modules through tsx, which takes its boot from tens of
 * milliseconds to about two hundred, and every message to it waits for that boot. Bundling takes a few tens
 * of milliseconds, once per process and entry point, in esbuild's own process while this one goes on with its
 * work. Installed packages (better-sqlite3, with its native addon) stay outside the bundle; the script gets a
 * `require` that resolves them from here, as an eval'd worker's own would not.
 */
export function workerScript(entry: URL): Promise<string> {
  const known = bundled.get(entry.href);
  if (known) return known;
  const script = build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).then((result) => wrap(result.outputFiles[0]!.text));
  bundled.set(entry.href, script);
  // A failed build is not kept: the next thread tries again.
  script.catch(() => { if (bundled.get(entry.href) === script) bundled.delete(entry.href); });
  return script;
}

function wrap(script: string): string {
  const here = JSON.stringify(fileURLToPath(import.meta.url));
  return `(function (require) {\n${script}\n})(require('node:module').createRequire(${here}));`;
}
