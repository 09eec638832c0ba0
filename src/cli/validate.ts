// `tocsin validate FILE|-`: checks every object against STIX 2.1 without writing anything.
import type { Command } from 'commander';
import type { CliCommand } from './command.ts';
import { problemLine } from './summary-text.ts';
import { expandInputs, readDocuments, readFile } from '../ingest/read-input.ts';
import type { IncomingObject } from '../ingest/incoming.ts';
import { parseIncoming } from '../ingest/parse-incoming.ts';
import type { Problem } from '../stix/problem.ts';

interface Located extends Problem {
  origin: string;
}

export const validateCommand: CliCommand = {
  define: (program: Command) => program
    .command('validate')
    .description('check a bundle or JSON lines file against STIX 2.1 (exit 0 valid, 1 invalid, 2 unreadable)')
    .argument('<file>', 'a .json or .jsonl file, a directory, or - for standard input')
    .option('--json', 'print { valid, objects, errors, warnings, problems } as JSON'),

  async run(args, opts, io) {
    const input = args[0] as string;
    const { validateObject } = await import('../stix/index.ts');
    const problems: Located[] = [];
    let objects = 0;
    let unreadable = false;
    const streams: AsyncIterable<IncomingObject>[] = input === '-'
      ? [readDocuments(io.stdin, 'stdin')]
      : expandInputs([input]).map((f) => readFile(f.path));
    for (const stream of streams) {
      for await (const incoming of stream) {
        objects++;
        const found = check(incoming, validateObject);
        if (found.some((p) => p.code === 'unreadable-input')) unreadable = true;
        problems.push(...found.map((p) => ({ ...p, origin: incoming.origin })));
      }
    }
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    if (opts.json) {
      io.stdout.write(`${JSON.stringify({ valid: errors === 0, objects, errors, warnings, problems }, null, 2)}\n`);
    } else {
      for (const p of problems) io.stdout.write(`${p.origin}${p.objectId ? ` ${p.objectId}` : ''}: ${problemLine(p)}\n`);
      io.stdout.write(`${objects} objects: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} — ${errors === 0 ? 'valid' : 'invalid'}\n`);
    }
    if (unreadable) return 2;
    return errors === 0 ? 0 : 1;
  },
};

function check(incoming: IncomingObject, validateObject: (object: unknown) => Problem[]): Problem[] {
  const parsed = parseIncoming(incoming);
  return 'problem' in parsed ? [parsed.problem] : validateObject(parsed.object);
}
