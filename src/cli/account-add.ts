// `tocsin account add ID --org ORG`: a partner account with a generated password, shown once and stored only as a hash.
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { parentCommand } from './parent-command.ts';
import { withAccess } from './open-access.ts';
import { hashSecret, newSecret } from '../access/secret-hash.ts';

export const accountAddCommand: CliCommand = {
  define: (program: Command) => parentCommand(program, 'account', 'manage partner accounts')
    .command('add')
    .description('add an account to an organisation and print its generated password (shown only this once)')
    .argument('<id>', 'login name, e.g. alice')
    .requiredOption('--org <org>', 'the organisation the account belongs to')
    .option('--name <name>', 'display name (default: the id)')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--json', 'print { id, org, password } as JSON'),

  async run(args, opts, io) {
    const id = args[0] as string;
    if (!/^[A-Za-z0-9._@-]+$/.test(id)) throw new UsageError(`account id ${JSON.stringify(id)} may use letters, digits and . _ @ - only`);
    const org = opts.org as string;
    let password: string;
    if (opts.passwordStdin) {
      const chunks: Buffer[] = [];
      for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
      password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
      if (password.length < 12) throw new UsageError('a password needs at least 12 characters');
    } else {
      password = newSecret();
    }
    await withAccess(opts, io, async (access) => {
      if (!(await access.org(org))) throw new UsageError(`no organisation ${org}; add it first with: tocsin org add ${org}`);
      if (await access.account(id)) throw new UsageError(`account ${id} already exists`);
      await access.addAccount({ id, org, name: (opts.name as string | undefined) ?? id }, await hashSecret(password));
    });
    const shown = opts.passwordStdin ? null : password;
    if (opts.json) io.stdout.write(`${JSON.stringify({ id, org, password: shown })}\n`);
    else {
      io.stdout.write(`account ${id} in ${org}\n`);
      if (shown) io.stdout.write(`password: ${shown}\n(shown only now; the hub keeps a salted hash)\n`);
    }
    return 0;
  },
};
