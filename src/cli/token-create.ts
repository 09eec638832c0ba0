// `tocsin token create ACCOUNT`: an API token for `Authorization: Bearer`, shown once and stored only as a hash.
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { parentCommand } from './parent-command.ts';
import { withAccess } from './open-access.ts';
import { issueToken } from '../access/issue-token.ts';

export const tokenCreateCommand: CliCommand = {
  define: (program: Command) => parentCommand(program, 'token', 'manage API tokens')
    .command('create')
    .description('create an API token for an account and print it (shown only this once)')
    .argument('<account>', 'the account the token acts as')
    .option('--json', 'print { id, account, token } as JSON'),

  async run(args, opts, io) {
    const account = args[0] as string;
    const token = await withAccess(opts, io, async (access) => {
      if (!(await access.account(account))) throw new UsageError(`no account ${account}`);
      return issueToken(access, account, Date.now());
    });
    if (opts.json) io.stdout.write(`${JSON.stringify({ id: token.id, account, token: token.value })}\n`);
    else io.stdout.write(`token ${token.id} for ${account}:\n${token.value}\n(shown only now; revoke with: tocsin token revoke ${token.id})\n`);
    return 0;
  },
};
