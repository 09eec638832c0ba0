// `tocsin import FILE|DIR|-…`: streams STIX bundles and JSON lines into the store.
import type { Command } from 'commander';
import type { CliCommand } from './command.ts';
import type { Io } from './io.ts';
import { withStore } from './open.ts';
import { summaryText } from './summary-text.ts';
import type { IncomingObject } from '../ingest/incoming.ts';
import { expandInputs, readDocuments, readFile, readLines, type InputFile } from '../ingest/read-input.ts';

export const importCommand: CliCommand = {
  define: (program: Command) => program
    .command('import')
    .description('import STIX 2.1 bundles (.json), JSON lines (.jsonl) or directories of them; - reads stdin')
    .argument('<inputs...>', 'files, directories, or - for standard input')
    .option('--strict', 'fail the whole import, writing nothing, if any object is rejected')
    .option('--format <format>', 'format of standard input: json (bundles, arrays, objects) or jsonl', 'json')
    .option('--report-commits', 'write a JSON line to stderr for every committed transaction, listing its ids')
    .option('--json', 'print the summary as JSON'),

  async run(args, opts, io) {
    const [{ importObjects }, { progressBar }] = await Promise.all([import('../ingest/import.ts'), import('./progress.ts')]);
    const plan = (args[0] as string[]).map((input) => (input === '-' ? 'stdin' as const : expandInputs([input])));
    const total = plan.flat().reduce((sum, f) => sum + (f === 'stdin' ? 0 : f.size), 0);
    const bar = progressBar(io.stderr, total, 'import');
    const summary = await withStore(opts, io, (store) => importObjects(store, sources(plan, opts, io, bar.advance), {
      strict: opts.strict === true,
      onObject: () => bar.advance(0),
      ...(opts.reportCommits ? { onCommit: (ids: string[]) => io.stderr.write(`${JSON.stringify({ committed: ids })}\n`) } : {}),
    }));
    bar.stop();
    io.stdout.write(opts.json ? `${JSON.stringify(summary, null, 2)}\n` : summaryText(summary));
    return summary.rejected.length > 0 ? 1 : 0;
  },
};

async function* sources(
  plan: ('stdin' | InputFile[])[], opts: Record<string, unknown>, io: Io, onBytes: (n: number) => void,
): AsyncGenerator<IncomingObject> {
  for (const input of plan) {
    if (input === 'stdin') {
      yield* opts.format === 'jsonl' ? readLines(io.stdin, 'stdin', onBytes) : readDocuments(io.stdin, 'stdin', onBytes);
    } else {
      for (const file of input) yield* readFile(file.path, onBytes);
    }
  }
}
