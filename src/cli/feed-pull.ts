// `tocsin feed pull [NAME…]`: fetches what each feed added since the last pull, validated and stored like an import.
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { parentCommand } from './parent-command.ts';
import { withAccess } from './open-access.ts';
import { withStore } from './open.ts';
import { positiveInteger } from './option-values.ts';
import type { Io } from './io.ts';
import type { Store } from '../store/store.ts';
import type { AccessStore, FeedConfig } from '../store/access-store.ts';
import type { PullSummary } from '../taxii/client/pull-feed.ts';

export const feedPullCommand: CliCommand = {
  define: (program: Command) => parentCommand(program, 'feed', 'pull from and push to other TAXII 2.1 servers')
    .command('pull')
    .description('pull new objects from the named feeds (default: all), resuming where the last pull stopped')
    .argument('[names...]', 'feeds to pull')
    .option('--page-size <n>', 'objects per request', '500')
    .option('--json', 'print one summary per feed as JSON'),

  async run(args, opts, io) {
    const names = (args[0] as string[] | undefined) ?? [];
    const pageSize = positiveInteger(opts.pageSize, '--page-size');
    const results = await withStore(opts, io, (store) => withAccess(opts, io, async (access) => {
      const feeds = names.length === 0 ? await access.feeds() : await Promise.all(names.map(async (n) => {
        const feed = await access.feed(n);
        if (!feed) throw new UsageError(`no feed ${n}; add it with: tocsin feed add ${n} URL --collection ID`);
        return feed;
      }));
      if (feeds.length === 0) throw new UsageError('no feeds yet; add one with: tocsin feed add NAME URL --collection ID');
      const out: { feed: string; summary?: PullSummary; error?: string }[] = [];
      for (const feed of feeds) out.push(await pullOne(store, access, feed, pageSize, io, opts.json !== true));
      return out;
    }));
    if (opts.json) io.stdout.write(`${JSON.stringify(results.map(({ feed, summary, error }) => ({
      feed, ...(summary ? { ...summary, rejected: summary.rejected.map((r) => ({ id: r.id, message: r.message })) } : {}), ...(error ? { error } : {}),
    })), null, 2)}\n`);
    const failed = results.some((r) => r.error || (r.summary && r.summary.rejected.length > 0));
    return failed ? 1 : 0;
  },
};

/** Pulls one feed; a feed that fails is reported and the others still run. */
export async function pullOne(store: Store, access: AccessStore, feed: FeedConfig, pageSize: number, io: Io, verbose: boolean): Promise<{ feed: string; summary?: PullSummary; error?: string }> {
  const [{ pullFeed }, { TaxiiClientError }] = await Promise.all([import('../taxii/client/pull-feed.ts'), import('../taxii/client/taxii-client.ts')]);
  try {
    const summary = await pullFeed(store, access, feed, {
      pageSize,
      onPage: (s) => { if (verbose) io.stderr.write(`${feed.name}: page ${s.pages}, ${s.received} objects received, ${s.stored} stored\n`); },
    });
    if (verbose) {
      io.stdout.write(`${feed.name}: ${summary.received} received, ${summary.stored} stored, ${summary.duplicates} already held, ${summary.rejected.length} rejected\n`);
      for (const r of summary.rejected) io.stdout.write(`  rejected ${r.id}: ${r.message}\n`);
    }
    return { feed: feed.name, summary };
  } catch (err) {
    const message = err instanceof TaxiiClientError || err instanceof TypeError ? err.message : null;
    if (message === null) throw err;
    if (verbose) io.stderr.write(`${feed.name}: ${message}${err instanceof TypeError && err.cause ? ` (${String((err.cause as Error).message ?? err.cause)})` : ''}\n`);
    return { feed: feed.name, error: message };
  }
}
