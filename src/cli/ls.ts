// `tocsin ls [--type T] [--limit N]`: lists the latest version of stored objects.
import type { Command } from 'commander';
import type { CliCommand } from './command.ts';
import { withStore } from './open.ts';
import { table } from './table.ts';
import { displayName } from './display-name.ts';
import { listOption, positiveInteger } from './option-values.ts';

export const lsCommand: CliCommand = {
  define: (program: Command) => program
    .command('ls')
    .description('list stored objects (latest versions, oldest added first)')
    .option('--type <type>', 'only this type (repeatable, or comma-separated)', listOption)
    .option('--limit <n>', 'at most this many objects', '50')
    .option('--revoked', 'include revoked objects')
    .option('--json', 'print a JSON array'),

  async run(_args, opts, io) {
    const limit = positiveInteger(opts.limit, '--limit');
    const page = await withStore(opts, io, (store) => store.query({
      versions: 'latest', limit, includeRevoked: opts.revoked === true,
      ...(opts.type ? { types: opts.type as string[] } : {}),
    }));
    const rows = page.versions.map((v) => {
      const o = JSON.parse(v.json) as Record<string, unknown>;
      return { id: v.id, type: v.type, name: displayName(o), modified: v.modified, revoked: v.revoked };
    });
    if (opts.json) {
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(table(['ID', 'NAME', 'MODIFIED'], rows.map((r) => [r.id, r.name + (r.revoked ? ' (revoked)' : ''), r.modified ?? ''])));
    if (page.next) io.stdout.write(`… more; raise --limit to see them\n`);
    return 0;
  },
};

