// `tocsin export [filters]`: writes matching objects as one STIX 2.1 bundle, page by page.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import type { CliCommand } from './command.ts';
import type { Output } from './io.ts';
import { withStore } from './open.ts';
import type { ObjectQuery, Store } from '../store/store.ts';
import { listOption } from './option-values.ts';

const PAGE = 1000;

export const exportCommand: CliCommand = {
  define: (program: Command) => program
    .command('export')
    .description('write stored objects as a STIX 2.1 bundle (latest versions unless --all-versions)')
    .option('--type <type>', 'only this type (repeatable, or comma-separated)', listOption)
    .option('--id <id>', 'only this object (repeatable, or comma-separated)', listOption)
    .option('--created-by <identity>', 'only objects created by this identity (repeatable)', listOption)
    .option('--marking <marking>', 'only objects marked with this marking-definition id (repeatable)', listOption)
    .option('--added-after <timestamp>', 'only versions added to this hub after this instant')
    .option('--all-versions', 'every stored version, not only the latest')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--json', 'with --output, print a JSON summary on standard output'),

  async run(_args, opts, io) {
    const query: ObjectQuery = {
      versions: opts.allVersions ? 'all' : 'latest',
      ...(opts.type ? { types: opts.type as string[] } : {}),
      ...(opts.id ? { ids: opts.id as string[] } : {}),
      ...(opts.createdBy ? { createdBy: opts.createdBy as string[] } : {}),
      ...(opts.marking ? { markings: opts.marking as string[] } : {}),
      ...(opts.addedAfter ? { addedAfter: opts.addedAfter as string } : {}),
    };
    const file = opts.output as string | undefined;
    const stream = file ? createWriteStream(file) : null;
    const out: Output = stream ?? io.stdout;
    const count = await withStore(opts, io, (store) => writeBundle(store, query, out));
    if (stream) {
      stream.end();
      await once(stream, 'close');
      const summary = { file, objects: count };
      io.stdout.write(opts.json ? `${JSON.stringify(summary)}\n` : `wrote ${count} objects to ${file}\n`);
    }
    return 0;
  },
};

/** Streams the bundle; returns the number of objects written. */
export async function writeBundle(store: Store, query: ObjectQuery, out: Output): Promise<number> {
  out.write(`{"type":"bundle","id":"bundle--${randomUUID()}","objects":[`);
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await store.query({ ...query, limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const version of page.versions) {
      out.write(`${count === 0 ? '\n' : ',\n'}${version.json}`);
      count++;
    }
    cursor = page.next ?? undefined;
  } while (cursor);
  out.write(count === 0 ? ']}\n' : '\n]}\n');
  return count;
}
