// `tocsin feed add NAME URL --collection ID [--user U --password-stdin | --token T]`: a remote TAXII collection to pull from or push to.
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { parentCommand } from './parent-command.ts';
import { withAccess } from './open-access.ts';
import type { FeedConfig } from '../store/access-store.ts';

export const feedAddCommand: CliCommand = {
  define: (program: Command) => parentCommand(program, 'feed', 'pull from and push to other TAXII 2.1 servers')
    .command('add')
    .description('remember a remote TAXII collection (credentials are kept in the database, since the hub must present them)')
    .argument('<name>', 'a short name for the feed')
    .argument('<url>', 'the remote API root URL, e.g. https://taxii.example.org/api1/')
    .requiredOption('--collection <id>', 'the remote collection id')
    .option('--user <user>', 'HTTP Basic user; the password comes from standard input')
    .option('--token <token>', 'a bearer token the remote server issued')
    .option('--json', 'print the feed (without its secret) as JSON'),

  async run(args, opts, io) {
    const [name, root] = args as [string, string];
    if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new UsageError(`feed name ${JSON.stringify(name)} may use letters, digits and . _ - only`);
    let base: URL;
    try {
      base = new URL(root.endsWith('/') ? root : `${root}/`);
    } catch {
      throw new UsageError(`${root} is not a URL`);
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new UsageError('the feed URL must be http(s)');
    if (opts.user && opts.token) throw new UsageError('give either --user or --token, not both');
    let secret: string | null = null;
    if (opts.user) {
      const chunks: Buffer[] = [];
      for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
      secret = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
    } else if (opts.token) {
      secret = opts.token as string;
    }
    const feed: FeedConfig = {
      name,
      url: new URL(`collections/${encodeURIComponent(opts.collection as string)}/`, base).href,
      auth: opts.user ? 'basic' : opts.token ? 'bearer' : 'none',
      user: (opts.user as string | undefined) ?? null,
      secret,
      addedAfter: null,
    };
    await withAccess(opts, io, async (access) => {
      const existing = await access.feed(name);
      // Re-adding a feed keeps its position, so changing credentials does not re-pull everything.
      await access.putFeed({ ...feed, addedAfter: existing?.url === feed.url ? existing.addedAfter : null });
    });
    const shown = { name, url: feed.url, auth: feed.auth, user: feed.user };
    io.stdout.write(opts.json ? `${JSON.stringify(shown)}\n` : `feed ${name}: ${feed.url} (${feed.auth === 'none' ? 'no credentials' : feed.auth})\n`);
    return 0;
  },
};
