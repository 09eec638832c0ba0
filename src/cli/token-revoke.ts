// `tocsin token revoke ID`: the token stops working at once (the server checks revocation on every request).
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { parentCommand } from './parent-command.ts';
import { withAccess } from './open-access.ts';

export const tokenRevokeCommand: CliCommand = {
  define: (program: Command) => parentCommand(program, 'token', 'manage API tokens')
    .command('revoke')
    .description('revoke an API token by its id')
    .argument('<id>', 'the token id (the part between tocsin_ and the dot)')
    .option('--json', 'print { id, revoked } as JSON'),

  async run(args, opts, io) {
    const id = (args[0] as string).replace(/^tocsin_/, '').replace(/\..*$/, '');
    const revoked = await withAccess(opts, io, (access) => access.revokeToken(id));
    if (!revoked) throw new UsageError(`no token ${id}`);
    io.stdout.write(opts.json ? `${JSON.stringify({ id, revoked })}\n` : `token ${id} revoked\n`);
    return 0;
  },
};
