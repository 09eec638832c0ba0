// `tocsin collection add TITLE`: a stored collection partners post to, or (--view) a saved filter over the knowledge base.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { parentCommand } from './parent-command.ts';
import { withAccess } from './open-access.ts';
import type { CollectionConfig, ViewFilter } from '../access/model.ts';
import { listOption, positiveInteger } from './option-values.ts';

export const collectionAddCommand: CliCommand = {
  define: (program: Command) => parentCommand(program, 'collection', 'manage TAXII collections and who may use them')
    .command('add')
    .description('add a TAXII collection (stored, or --view over the whole knowledge base) and print its id')
    .argument('<title>', 'human-readable title')
    .option('--api-root <path>', 'the API root it belongs to', 'demo')
    .option('--id <uuid>', 'its TAXII id (default: a new UUIDv4)')
    .option('--alias <alias>', 'a name usable in URLs instead of the id')
    .option('--description <text>', 'description shown to partners')
    .option('--view', 'a view: a saved filter over the whole knowledge base (read-only)')
    .option('--type <type>', 'view: only these object types (repeatable)', listOption)
    .option('--created-by <identity>', 'view: only objects created by these identities (repeatable)', listOption)
    .option('--marking <marking>', 'view: only objects carrying these marking definitions (repeatable)', listOption)
    .option('--tlp-ceiling <level>', 'view: never serve anything above this TLP level (clear, green, amber, amber+strict, red)')
    .option('--max-age-days <days>', 'view: only versions added within this many days')
    .option('--audience <org>', 'organisations that may receive TLP:AMBER through it (repeatable)', listOption)
    .option('--community <org>', 'organisations forming the TLP:GREEN community (repeatable; default: every organisation)', listOption)
    .option('--default-tlp <level>', 'level assumed for objects without a TLP marking', 'green')
    .option('--json', 'print the collection as JSON'),

  async run(args, opts, io) {
    const { ConfigError, isCollectionId, tlpLevel } = await import('../taxii/server/hub-config.ts');
    const id = (opts.id as string | undefined) ?? randomUUID();
    if (!isCollectionId(id)) throw new UsageError(`--id ${id} is not a UUIDv4 (TAXII 2.1 identifier)`);
    const view = opts.view === true;
    const filterOptions = ['type', 'createdBy', 'marking', 'tlpCeiling', 'maxAgeDays'].filter((k) => opts[k] !== undefined);
    if (!view && filterOptions.length > 0) throw new UsageError('filters (--type, --tlp-ceiling, …) are for views: add --view');
    let collection: CollectionConfig;
    try {
      collection = {
        id, apiRoot: opts.apiRoot as string, title: args[0] as string, kind: view ? 'view' : 'stored',
        audience: (opts.audience as string[] | undefined) ?? [],
        community: (opts.community as string[] | undefined) ?? null,
        defaultTlp: tlpLevel('--default-tlp', '--default-tlp', opts.defaultTlp),
      };
      if (opts.alias) collection.alias = opts.alias as string;
      if (opts.description) collection.description = opts.description as string;
      if (view) {
        const filter: ViewFilter = {};
        if (opts.type) filter.types = opts.type as string[];
        if (opts.createdBy) filter.createdBy = opts.createdBy as string[];
        if (opts.marking) filter.markings = opts.marking as string[];
        if (opts.tlpCeiling) filter.tlpCeiling = tlpLevel('--tlp-ceiling', '--tlp-ceiling', opts.tlpCeiling);
        if (opts.maxAgeDays !== undefined) {
          filter.maxAgeDays = positiveInteger(opts.maxAgeDays, '--max-age-days');
        }
        collection.filter = filter;
      }
    } catch (err) {
      if (err instanceof ConfigError) throw new UsageError(err.message);
      throw err;
    }
    await withAccess(opts, io, async (access) => {
      if (collection.alias && await access.collection(collection.apiRoot, collection.alias)) {
        throw new UsageError(`alias ${collection.alias} is already taken in API root ${collection.apiRoot}`);
      }
      for (const org of [...collection.audience, ...(collection.community ?? [])]) {
        if (!(await access.org(org))) throw new UsageError(`no organisation ${org}`);
      }
      await access.putCollection(collection);
    });
    if (opts.json) io.stdout.write(`${JSON.stringify(collection)}\n`);
    else {
      io.stdout.write(`${collection.kind} collection ${id} (${collection.title}) in /${collection.apiRoot}/\n`);
      io.stdout.write(`nobody may use it yet: tocsin collection grant ${collection.alias ?? id} org:ORG --read${view ? '' : ' --write'}\n`);
    }
    return 0;
  },
};
