// `tocsin collection grant|revoke COLLECTION PRINCIPAL [--read] [--write]`: per-collection rights of an account, organisation or everyone.
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { parentCommand } from './parent-command.ts';
import { withAccess } from './open-access.ts';
import type { AccessStore } from '../store/access-store.ts';
import type { CollectionConfig } from '../access/model.ts';
import { isPrincipal } from '../access/principals.ts';

/** A collection by id, or by alias when that alias names exactly one collection (or one in --api-root). */
export async function findCollection(access: AccessStore, idOrAlias: string, apiRoot?: string): Promise<CollectionConfig> {
  const matches = (await access.collections(apiRoot)).filter((c) => c.id === idOrAlias || c.alias === idOrAlias);
  if (matches.length === 0) throw new UsageError(`no collection ${idOrAlias}${apiRoot ? ` in API root ${apiRoot}` : ''}`);
  if (matches.length > 1) throw new UsageError(`${idOrAlias} names collections in several API roots; add --api-root`);
  return matches[0]!;
}

async function checkPrincipal(access: AccessStore, principal: string): Promise<void> {
  if (!isPrincipal(principal)) throw new UsageError(`${principal} is not a principal: account:ID, org:ID or *`);
  const [kind, id] = principal.split(':') as [string, string];
  if (kind === 'account' && !(await access.account(id))) throw new UsageError(`no account ${id}`);
  if (kind === 'org' && !(await access.org(id))) throw new UsageError(`no organisation ${id}`);
}

function rightsCommand(verb: 'grant' | 'revoke'): CliCommand {
  return {
    define: (program: Command) => parentCommand(program, 'collection', 'manage TAXII collections and who may use them')
      .command(verb)
      .description(verb === 'grant'
        ? 'let an account, an organisation or everyone (*) read and/or write a collection (default: --read)'
        : 'take read and/or write rights away (default: both)')
      .argument('<collection>', 'collection id or alias')
      .argument('<principal>', 'account:ID, org:ID, or * for every account of the hub')
      .option('--read', 'the right to read objects')
      .option('--write', 'the right to add (and, with read, delete) objects')
      .option('--api-root <path>', 'the API root, when an alias is ambiguous')
      .option('--json', 'print the collection grants as JSON'),

    async run(args, opts, io) {
      const [name, principal] = args as [string, string];
      const explicit = opts.read === true || opts.write === true;
      const rights = verb === 'grant'
        ? { read: explicit ? opts.read === true : true, write: opts.write === true }
        : { read: explicit ? opts.read === true : true, write: explicit ? opts.write === true : true };
      const grants = await withAccess(opts, io, async (access) => {
        const collection = await findCollection(access, name, opts.apiRoot as string | undefined);
        if (verb === 'grant') {
          await checkPrincipal(access, principal);
          await access.grant({ collection: collection.id, principal, ...rights });
        } else if (!(await access.revoke(collection.id, principal, rights))) {
          throw new UsageError(`${principal} has no rights on ${name}`);
        }
        return access.grants(collection.id);
      });
      if (opts.json) io.stdout.write(`${JSON.stringify(grants)}\n`);
      else for (const g of grants) io.stdout.write(`${g.principal}: ${[g.read ? 'read' : '', g.write ? 'write' : ''].filter(Boolean).join(', ')}\n`);
      return 0;
    },
  };
}

export const collectionGrantCommand = rightsCommand('grant');
export const collectionRevokeCommand = rightsCommand('revoke');
