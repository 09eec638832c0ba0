// `tocsin start` (`npm start`): opens the hub's database, loads the demo feed on first run, shows the holdings, serves TAXII.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliCommand } from './command.ts';
import { dataDir } from './data-dir.ts';
import { withStore } from './open.ts';
import { table } from './table.ts';
import { summaryText } from './summary-text.ts';
import type { ImportSummary } from '../ingest/import.ts';
import type { IncomingObject } from '../ingest/incoming.ts';
import type { Store } from '../store/store.ts';
import { withAccess } from './open-access.ts';
import { withServeOptions } from './serve-options.ts';

export const DEMO_DIR = fileURLToPath(new URL('../../data/demo/', import.meta.url));
const DEMO_SETTING = 'demo-feed-loaded';

export const startCommand: CliCommand = {
  define: (program: Command) => withServeOptions(program
    .command('start')
    .description('open the hub: create the database, load the demo feed on first run, show what it holds, and serve it over TAXII 2.1')
    .option('--no-demo', 'do not load the bundled demo feed')
    .option('--no-serve', 'exit after showing the holdings instead of serving TAXII')
    .option('--json', 'print { dataDir, demo, counts } as JSON')),

  async run(_args, opts, io) {
    const dir = dataDir(opts, io);
    return withStore(opts, io, async (store) => {
      const demo = opts.demo === false ? null : await loadDemoOnce(store);
      const result = { demo, counts: await store.counts() };
      if (opts.json) {
        io.stdout.write(`${JSON.stringify({ dataDir: dir, ...result }, null, 2)}\n`);
      } else {
        io.stdout.write(`Tocsin hub, data in ${dir}\n`);
        if (result.demo) io.stdout.write(`Loaded the demo feed: ${summaryText(result.demo)}`);
        const total = result.counts.reduce((sum, c) => sum + c.count, 0);
        io.stdout.write(`\nThe knowledge base holds ${total} objects:\n`);
        io.stdout.write(table(['TYPE', 'OBJECTS'], result.counts.map((c) => [c.type, String(c.count)])));
      }
      if (opts.serve === false) return 0;
      const { runHub } = await import('./run-hub.ts');
      return withAccess(opts, io, (access) => runHub(store, access, opts, io, { demo: opts.demo !== false }));
    });
  },
};

/** Imports data/demo once per database; later starts leave the analyst's edits alone. */
export async function loadDemoOnce(store: Store): Promise<ImportSummary | null> {
  if (await store.getSetting(DEMO_SETTING) !== null || !existsSync(DEMO_DIR)) return null;
  const [{ importObjects }, { expandInputs, readFile }] = await Promise.all([import('../ingest/import.ts'), import('../ingest/read-input.ts')]);
  const files = expandInputs([DEMO_DIR]);
  async function* objects(): AsyncGenerator<IncomingObject> {
    for (const file of files) yield* readFile(file.path);
  }
  const summary = await importObjects(store, objects());
  await store.setSetting(DEMO_SETTING, new Date().toISOString());
  return summary;
}
