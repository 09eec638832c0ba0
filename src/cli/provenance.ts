// `tocsin provenance ID`: for the hub's operators, who supplied each version of an object and when.
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { withStore } from './open.ts';
import { table } from './table.ts';

export const provenanceCommand: CliCommand = {
  define: (program: Command) => program
    .command('provenance')
    .description('show every version of an object with when it was added, its TLP level and the account and organisation that supplied it')
    .argument('<id>', 'the object id')
    .option('--json', 'print the versions as JSON'),

  async run(args, opts, io) {
    const id = args[0] as string;
    const versions = await withStore(opts, io, (store) => store.get(id, 'all'));
    if (versions.length === 0) throw new UsageError(`no object ${id}`, 1);
    const rows = versions.map((v) => ({
      modified: v.modified, dateAdded: v.dateAdded, tlp: v.tlp, account: v.suppliedBy?.account ?? null, org: v.suppliedBy?.org ?? null,
    }));
    if (opts.json) io.stdout.write(`${JSON.stringify({ id, versions: rows }, null, 2)}\n`);
    else io.stdout.write(table(['MODIFIED', 'ADDED', 'TLP', 'ACCOUNT', 'ORGANISATION'],
      rows.map((r) => [r.modified ?? '-', r.dateAdded, r.tlp ?? 'unmarked', r.account ?? '(import)', r.org ?? '-'])));
    return 0;
  },
};
