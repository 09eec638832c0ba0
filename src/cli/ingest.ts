// `tocsin ingest maltrail|us-cert-csv|ofac-wallets FILE`: converts an indicator source to STIX 2.1 and imports or writes it.
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { resolve } from 'node:path';
import { Argument, type Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import type { Io } from './io.ts';
import { withStore } from './open.ts';
import { summaryText } from './summary-text.ts';
import { DPRK_GROUPS, groupForMaltrailFile, resolveGroup } from '../ingest/attack-groups.ts';
import { carryOverDates } from '../ingest/carry-over-dates.ts';
import type { ImportSummary } from '../ingest/import.ts';
import type { MalformedLineError } from '../ingest/malformed-line-error.ts';
import { SourceFormatError } from '../ingest/source-format-error.ts';
import { bundleId, writeBundle } from '../ingest/stix-bundle.ts';
import type { Conversion, StixObject } from '../ingest/stix-object.ts';
import type { IncomingObject } from '../ingest/incoming.ts';
import type { Page, Store } from '../store/store.ts';

const SOURCES = ['maltrail', 'us-cert-csv', 'ofac-wallets'] as const;
type Source = (typeof SOURCES)[number];

const STIX_ID = /^[a-z][a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const HELP = `
Sources:
  maltrail      a Maltrail static trail list (one domain, IP, IP:port or URL per line, # comments);
                options --actor, --date, --source-url
  us-cert-csv   a US-CERT/CISA advisory IOC CSV (INDICATOR_VALUE,TYPE,...,HANDLING,DESCRIPTION);
                options --actor (default Lazarus Group), --advisory, --date
  ofac-wallets  the OFAC SDN digital-currency address JSON; options --program, --date

Objects get UUIDv5 ids over source and value and their dates from the source (--date, else the
file's own date), so ingesting the same file again changes nothing. Importing a newer copy of a
list adds new versions only of what changed; objects already stored keep their created date.
Unreadable lines are reported with their line number and skipped; the exit code is then 1.

Examples:
  tocsin ingest maltrail apt_lazarus.txt
  tocsin ingest maltrail trails.txt --actor Kimsuky --date 2026-11-23 --out kimsuky.json
  tocsin ingest us-cert-csv TA-17-318B-IOCs.csv --json
  tocsin ingest ofac-wallets sdn-digital-currency-addresses.json --program DPRK --out -
`;

/** `--date`: an RFC 3339 timestamp or a calendar day, normalised to STIX's millisecond UTC form. */
function sourceDate(text: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(day) ? Date.parse(day) : NaN;
  if (Number.isNaN(ms)) throw new UsageError(`--date ${JSON.stringify(text)} is not a date (YYYY-MM-DD or RFC 3339)`);
  return new Date(ms).toISOString();
}

/** `--actor`: a DPRK group name/alias/ATT&CK id, any STIX id, or `none`; undefined leaves the source's default. */
function actorTarget(actor: unknown): string | null | undefined {
  if (typeof actor !== 'string') return undefined;
  if (actor.toLowerCase() === 'none') return null;
  if (STIX_ID.test(actor)) return actor;
  const group = resolveGroup(actor);
  if (group === undefined) {
    const known = DPRK_GROUPS.map((g) => `${g.name} (${g.attackId})`).join(', ');
    throw new UsageError(`--actor ${JSON.stringify(actor)} is not a known group (${known}), a STIX id, or "none"`);
  }
  return group.stixId;
}

async function readSource(file: string, io: Io): Promise<{ text: string; date: string | undefined }> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return { text: Buffer.concat(chunks).toString('utf8'), date: undefined };
  }
  const path = resolve(io.cwd, file);
  try {
    return { text: readFileSync(path, 'utf8'), date: statSync(path).mtime.toISOString() };
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function convert(source: Source, file: string, opts: Record<string, unknown>, io: Io): Promise<Conversion> {
  const target = actorTarget(opts.actor);
  const given = typeof opts.date === 'string' ? sourceDate(opts.date) : undefined;
  const { text, date: fileDate } = await readSource(file, io);
  const date = given ?? fileDate;
  const dated = (): string => {
    if (date === undefined) throw new UsageError('standard input has no file date: give --date');
    return date;
  };
  switch (source) {
    case 'maltrail': {
      const { convertMaltrail } = await import('../ingest/maltrail.ts');
      return convertMaltrail(text, {
        file: file === '-' ? 'stdin' : file,
        date: dated(),
        ...(target !== undefined ? { target } : {}),
        ...(typeof opts.sourceUrl === 'string' ? { sourceUrl: opts.sourceUrl } : {}),
      });
    }
    case 'us-cert-csv': {
      const { convertUsCertCsv } = await import('../ingest/us-cert-csv.ts');
      return convertUsCertCsv(text, {
        file: file === '-' ? 'stdin' : file,
        date: dated(),
        ...(target !== undefined ? { target } : {}),
        ...(typeof opts.advisory === 'string' ? { advisory: opts.advisory } : {}),
      });
    }
    case 'ofac-wallets': {
      // The file carries its snapshot date; the file's own date is only a last resort.
      const { convertOfacWallets } = await import('../ingest/ofac-wallets.ts');
      return convertOfacWallets(text, {
        file: file === '-' ? 'stdin' : file,
        ...(given !== undefined ? { date: given } : {}),
        ...(typeof opts.program === 'string' ? { program: opts.program } : {}),
      });
    }
  }
}

async function writeOut(conversion: Conversion, out: string, name: string, io: Io): Promise<void> {
  const id = bundleId(`ingest ${name}`);
  if (out === '-') {
    await writeBundle(conversion.objects, id, (chunk) => io.stdout.write(chunk));
    return;
  }
  const stream = createWriteStream(resolve(io.cwd, out));
  await writeBundle(conversion.objects, id, (chunk) => stream.write(chunk));
  stream.end();
  await finished(stream);
}

/** Re-dates objects the store already holds (see carry-over-dates.ts), so a refreshed list adds only real changes. */
async function* againstStore(store: Store, objects: StixObject[], file: string): AsyncGenerator<IncomingObject> {
  // One query per chunk: a lookup per object costs minutes on a 50,000-object list.
  const CHUNK = 500;
  for (let start = 0; start < objects.length; start += CHUNK) {
    const chunk = objects.slice(start, start + CHUNK);
    const stored = new Map<string, Record<string, unknown>>();
    let cursor: string | null = null;
    do {
      const page: Page = await store.query({
        ids: chunk.map((o) => o.id),
        versions: 'latest',
        limit: CHUNK,
        ...(cursor !== null ? { cursor } : {}),
      });
      for (const v of page.versions) stored.set(v.id, JSON.parse(v.json) as Record<string, unknown>);
      cursor = page.next;
    } while (cursor !== null);
    for (const object of chunk) {
      yield { object: carryOverDates(object, stored.get(object.id) ?? null), origin: `${file} ${object.id}` };
    }
  }
}

function countByType(conversion: Conversion): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of conversion.objects) counts[o.type] = (counts[o.type] ?? 0) + 1;
  return counts;
}

function skippedJson(e: MalformedLineError) {
  return { file: e.file, line: e.line, reason: e.reason, text: e.text };
}

export const ingestCommand: CliCommand = {
  define: (program: Command) =>
    program
      .command('ingest')
      .description('convert an indicator source (Maltrail list, US-CERT IOC CSV, OFAC wallet list) to STIX 2.1 and import it')
      .addArgument(new Argument('<source>', 'kind of source').choices(SOURCES))
      .argument('<file>', 'the source file, or - for standard input (then give --date)')
      .option('--actor <name>', 'group the indicators indicate: name, alias, ATT&CK id (G0032), a STIX id, or "none"')
      .option('--program <tag>', 'ofac-wallets: keep SDN entries in this program (DPRK matches DPRK, DPRK2, DPRK3…)')
      .option('--advisory <id>', 'us-cert-csv: advisory id (default: from the file name, e.g. TA17-318B)')
      .option('--date <date>', 'date of the source (YYYY-MM-DD or RFC 3339) for created/modified/valid_from')
      .option('--source-url <url>', 'maltrail: where the list is published (cited in each indicator)')
      .option('--out <file>', 'write a STIX bundle to this file (- for standard output) instead of importing')
      .option('--json', 'print a machine-readable summary (on stderr when the bundle goes to stdout)')
      .addHelpText('after', HELP),

  async run(args, opts, io) {
    const [source, file] = args as [Source, string];
    let conversion: Conversion;
    try {
      conversion = await convert(source, file, opts, io);
    } catch (err) {
      if (err instanceof SourceFormatError) throw new UsageError(err.message, 1);
      throw err;
    }
    for (const e of conversion.skipped) io.stderr.write(`tocsin: skipped ${e.message}\n`);
    if (source === 'maltrail' && opts.actor === undefined && groupForMaltrailFile(file) === undefined) {
      io.stderr.write(`tocsin: no known group for ${file}; the indicators indicate nothing (name one with --actor)\n`);
    }

    const out = typeof opts.out === 'string' ? opts.out : undefined;
    let imported: ImportSummary | undefined;
    if (out !== undefined) {
      await writeOut(conversion, out, `${source} ${file.replace(/^.*[\\/]/, '')}`, io);
    } else {
      const { importObjects } = await import('../ingest/import.ts');
      imported = await withStore(opts, io, (store) => importObjects(store, againstStore(store, conversion.objects, file)));
    }

    const types = countByType(conversion);
    const report = out === '-' ? io.stderr : io.stdout;
    if (opts.json) {
      report.write(
        `${JSON.stringify(
          {
            source,
            file,
            objects: conversion.objects.length,
            types,
            skipped: conversion.skipped.map(skippedJson),
            ...(out !== undefined ? { out } : {}),
            ...(imported !== undefined ? { import: imported } : {}),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      const parts = Object.entries(types).map(([type, n]) => `${n} ${type}`);
      report.write(`${file}: ${parts.join(', ')}; ${conversion.skipped.length} lines skipped\n`);
      if (out !== undefined && out !== '-') report.write(`wrote ${out}\n`);
      if (imported !== undefined) report.write(summaryText(imported));
    }
    return conversion.skipped.length > 0 || (imported !== undefined && imported.rejected.length > 0) ? 1 : 0;
  },
};
