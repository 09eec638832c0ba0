// `tocsin share ID PRINCIPAL…`: names who may receive an AMBER+STRICT or RED object besides its producer (TLP 2.0).
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { withStore } from './open.ts';
import { withAccess } from './open-access.ts';
import { EVERYONE, isPrincipal } from '../access/principals.ts';

export const shareCommand: CliCommand = {
  define: (program: Command) => program
    .command('share')
    .description('set the recipients of an AMBER+STRICT or RED object: org:ID or account:ID (RED reaches named accounts only)')
    .argument('<id>', 'the object id')
    .argument('[principals...]', 'account:ID or org:ID; none clears the list')
    .option('--json', 'print { id, recipients } as JSON'),

  async run(args, opts, io) {
    const id = args[0] as string;
    const principals = [...new Set((args[1] as string[] | undefined) ?? [])];
    for (const p of principals) {
      if (p === EVERYONE || !isPrincipal(p)) throw new UsageError(`${p} is not a recipient: use account:ID or org:ID`);
    }
    await withAccess(opts, io, async (access) => {
      for (const p of principals) {
        const [kind, name] = p.split(':') as [string, string];
        if (kind === 'account' ? !(await access.account(name)) : !(await access.org(name))) throw new UsageError(`no ${kind === 'account' ? 'account' : 'organisation'} ${name}`);
      }
    });
    const recipients = await withStore(opts, io, async (store) => {
      if ((await store.get(id)).length === 0) throw new UsageError(`no object ${id}`);
      await store.setRecipients(id, principals);
      return store.recipients(id);
    });
    io.stdout.write(opts.json ? `${JSON.stringify({ id, recipients })}\n` : `${id} is shared with ${recipients.length > 0 ? recipients.join(', ') : 'nobody beyond its TLP audience'}\n`);
    return 0;
  },
};
