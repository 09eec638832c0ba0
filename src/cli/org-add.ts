// `tocsin org add ID [--name NAME] [--identity STIX-ID…]`: a partner organisation, and the STIX identities that speak for it.
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { parentCommand } from './parent-command.ts';
import { withAccess } from './open-access.ts';
import { listOption } from './option-values.ts';

export const orgAddCommand: CliCommand = {
  define: (program: Command) => parentCommand(program, 'org', 'manage partner organisations')
    .command('add')
    .description('add an organisation; --identity maps STIX identities to it (their AMBER+STRICT objects are its own)')
    .argument('<id>', 'short id, e.g. cert-kr')
    .option('--name <name>', 'display name (default: the id)')
    .option('--identity <identity>', 'a STIX identity id that speaks for the organisation (repeatable)', listOption)
    .option('--json', 'print the organisation as JSON'),

  async run(args, opts, io) {
    const id = args[0] as string;
    if (!/^[A-Za-z0-9._@-]+$/.test(id)) throw new UsageError(`organisation id ${JSON.stringify(id)} may use letters, digits and . _ @ - only`);
    const identities = (opts.identity as string[] | undefined) ?? [];
    for (const identity of identities) {
      if (!/^identity--[0-9a-f-]{36}$/.test(identity)) throw new UsageError(`${identity} is not a STIX identity id`);
    }
    const org = { id, name: (opts.name as string | undefined) ?? id };
    await withAccess(opts, io, async (access) => {
      const existing = await access.org(id);
      if (!existing) await access.addOrg(org);
      else if (identities.length === 0) throw new UsageError(`organisation ${id} already exists`);
      for (const identity of identities) await access.mapIdentity(identity, id);
    });
    io.stdout.write(opts.json ? `${JSON.stringify({ ...org, identities })}\n` : `organisation ${id} (${org.name})${identities.length ? `, identities ${identities.join(', ')}` : ''}\n`);
    return 0;
  },
};
