// `tocsin search WORDS…`: full-text search over names, aliases, descriptions, patterns and external ids.
import type { Command } from 'commander';
import type { CliCommand } from './command.ts';
import { withStore } from './open.ts';
import { table } from './table.ts';
import { displayName } from './display-name.ts';
import { listOption, positiveInteger } from './option-values.ts';

export const searchCommand: CliCommand = {
  define: (program: Command) => program
    .command('search')
    .description('find objects by name, alias, description, pattern or external id (e.g. G0032), best match first')
    .argument('<words...>', 'words to look for; each must match the start of a word')
    .option('--type <type>', 'only this type (repeatable, or comma-separated)', listOption)
    .option('--limit <n>', 'at most this many results', '20')
    .option('--revoked', 'include revoked objects')
    .option('--json', 'print { hits, facets } as JSON'),

  async run(args, opts, io) {
    const limit = positiveInteger(opts.limit, '--limit');
    const text = (args[0] as string[]).join(' ');
    const result = await withStore(opts, io, (store) => store.search({
      text, limit, includeRevoked: opts.revoked === true, ...(opts.type ? { types: opts.type as string[] } : {}),
    }));
    const hits = result.hits.map((v) => ({ id: v.id, type: v.type, name: displayName(JSON.parse(v.json) as Record<string, unknown>) }));
    if (opts.json) {
      io.stdout.write(`${JSON.stringify({ hits, facets: result.facets }, null, 2)}\n`);
      return 0;
    }
    if (hits.length === 0) {
      io.stdout.write(`nothing matches ${JSON.stringify(text)}\n`);
      return 1;
    }
    io.stdout.write(table(['ID', 'NAME'], hits.map((h) => [h.id, h.name])));
    io.stdout.write(`matches by type: ${result.facets.map((f) => `${f.type} ${f.count}`).join(', ')}\n`);
    return 0;
  },
};
