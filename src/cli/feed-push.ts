// `tocsin feed push NAME [FILE…] [--type T …]`: sends objects (from files, or chosen from the knowledge base) to a feed's collection.
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { parentCommand } from './parent-command.ts';
import { withAccess } from './open-access.ts';
import { withStore } from './open.ts';
import type { ObjectQuery, Store } from '../store/store.ts';
import { expandInputs, readFile } from '../ingest/read-input.ts';
import type { PushSummary } from '../taxii/client/push-objects.ts';
import { listOption } from './option-values.ts';

export const feedPushCommand: CliCommand = {
  define: (program: Command) => parentCommand(program, 'feed', 'pull from and push to other TAXII 2.1 servers')
    .command('push')
    .description('send STIX objects from files, or from the knowledge base by filter, to a feed collection')
    .argument('<name>', 'the feed')
    .argument('[files...]', 'bundles, JSON lines or directories; without files, the filters choose stored objects')
    .option('--type <type>', 'stored objects of this type (repeatable)', listOption)
    .option('--id <id>', 'this stored object (repeatable)', listOption)
    .option('--created-by <identity>', 'stored objects created by this identity (repeatable)', listOption)
    .option('--added-after <timestamp>', 'stored versions added after this instant')
    .option('--json', 'print the push summary as JSON'),

  async run(args, opts, io) {
    const name = args[0] as string;
    const files = (args[1] as string[] | undefined) ?? [];
    const query: ObjectQuery = {
      ...(opts.type ? { types: opts.type as string[] } : {}),
      ...(opts.id ? { ids: opts.id as string[] } : {}),
      ...(opts.createdBy ? { createdBy: opts.createdBy as string[] } : {}),
      ...(opts.addedAfter ? { addedAfter: opts.addedAfter as string } : {}),
    };
    if (files.length > 0 && Object.keys(query).length > 0) throw new UsageError('give files or filters, not both');
    if (files.length === 0 && Object.keys(query).length === 0) throw new UsageError('give files to push, or filters (--type, --id, …) choosing stored objects');
    const feed = await withAccess(opts, io, (access) => access.feed(name));
    if (!feed) throw new UsageError(`no feed ${name}`);
    const [{ pushObjects }, { TaxiiClient, TaxiiClientError }, { feedAuth }] = await Promise.all([
      import('../taxii/client/push-objects.ts'), import('../taxii/client/taxii-client.ts'), import('../taxii/client/pull-feed.ts'),
    ]);
    const client = new TaxiiClient(feed.url, feedAuth(feed));
    const onBatch = (s: PushSummary): void => { if (!opts.json) io.stderr.write(`${name}: ${s.sent} sent, ${s.succeeded} accepted\n`); };
    let summary: PushSummary;
    try {
      summary = files.length > 0
        ? await pushObjects(client, fromFiles(files), { onBatch })
        : await withStore(opts, io, (store) => pushObjects(client, fromStore(store, query), { onBatch }));
    } catch (err) {
      if (err instanceof TaxiiClientError) throw new UsageError(err.message, 1);
      throw err;
    }
    if (opts.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else {
      io.stdout.write(`${name}: ${summary.sent} sent in ${summary.requests} requests, ${summary.succeeded} accepted, ${summary.failed.length} refused\n`);
      for (const f of summary.failed) io.stdout.write(`  refused ${f.id}: ${f.message ?? 'no reason given'}\n`);
    }
    return summary.failed.length > 0 ? 1 : 0;
  },
};

async function* fromFiles(paths: string[]): AsyncGenerator<string> {
  for (const file of expandInputs(paths)) {
    for await (const incoming of readFile(file.path)) {
      if (incoming.error !== undefined) throw new UsageError(`${incoming.origin}: ${incoming.error}`);
      yield incoming.json ?? JSON.stringify(incoming.object);
    }
  }
}

async function* fromStore(store: Store, query: ObjectQuery): AsyncGenerator<string> {
  let cursor: string | undefined;
  do {
    const page = await store.query({ ...query, limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const version of page.versions) yield version.json;
    cursor = page.next ?? undefined;
  } while (cursor);
}
