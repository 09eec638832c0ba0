// `tocsin serve`: the TAXII 2.1 hub over the chosen data directory, until interrupted.
import type { Command } from 'commander';
import type { CliCommand } from './command.ts';
import { withStore } from './open.ts';
import { withAccess } from './open-access.ts';
import { withServeOptions } from './serve-options.ts';

export const serveCommand: CliCommand = {
  define: (program: Command) => withServeOptions(program
    .command('serve')
    .description('serve the knowledge base over TAXII 2.1 to partner accounts, under their TLP entitlements')),

  async run(_args, opts, io) {
    const { runHub } = await import('./run-hub.ts');
    return withStore(opts, io, (store) => withAccess(opts, io, (access) => runHub(store, access, opts, io, { demo: false })));
  },
};
