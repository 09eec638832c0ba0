// `tocsin get ID [--version …]`: prints one object's stored versions.
import type { Command } from 'commander';
import type { CliCommand } from './command.ts';
import { withStore } from './open.ts';

export const getCommand: CliCommand = {
  define: (program: Command) => program
    .command('get')
    .description('show an object: its latest version, the first, all, or the one with a given modified timestamp')
    .argument('<id>', 'STIX identifier, e.g. intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a')
    .option('--version <version>', 'latest, first, all, or a modified timestamp', 'latest')
    .option('--json', 'print JSON only: the object, or an array of objects with --version all'),

  async run(args, opts, io) {
    const id = args[0] as string;
    const version = opts.version as string;
    const versions = await withStore(opts, io, (store) => store.get(id, version));
    if (versions.length === 0) {
      io.stderr.write(`tocsin: no ${version === 'latest' || version === 'all' || version === 'first' ? 'object' : `version ${version} of`} ${id} in the store\n`);
      return 1;
    }
    const objects = versions.map((v) => JSON.parse(v.json) as unknown);
    if (opts.json) {
      io.stdout.write(`${JSON.stringify(version === 'all' ? objects : objects[0], null, 2)}\n`);
      return 0;
    }
    versions.forEach((v, i) => {
      const label = v.modified ? `version ${v.modified}` : 'unversioned';
      io.stdout.write(`# ${v.id} ${label}, added ${v.dateAdded}${v.revoked ? ', REVOKED' : ''}\n`);
      io.stdout.write(`${JSON.stringify(objects[i], null, 2)}\n`);
    });
    return 0;
  },
};
