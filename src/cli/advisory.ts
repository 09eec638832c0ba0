// `tocsin advisory render|publish`: compose an advisory from a report or a selection, write it out or publish it.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CliCommand } from './command.ts';
import { UsageError } from './command.ts';
import type { Io } from './io.ts';
import { withStore } from './open.ts';
import type { Advisory } from '../advisory/advisory.ts';
import type { ComposeOptions } from '../advisory/compose-advisory.ts';
import { ADVISORY_FORMATS, type AdvisoryFormat } from '../advisory/advisory-format.ts';
import { TLP_LEVELS, type TlpLevel } from '../stix/tlp.ts';
import type { Store } from '../store/store.ts';
import { listOption } from './option-values.ts';

const SCOPE_HELP = `
An advisory is composed from a STIX report (its object_refs) or from --objects. Tocsin follows relationships one
step out from each actor, campaign and piece of software: the techniques, software and targets it uses or targets,
the indicators that indicate it, the campaigns attributed to it; then the mitigations of those techniques and every
opinion on what is included (--no-follow keeps to the named objects, still with their opinions). An advisory
Tocsin published already names all it says and is not followed again unless --follow asks to refresh it.
The TLP is the most restrictive marking of what is included; --tlp LEVEL shares at LEVEL instead and leaves out
(and counts) every object more restrictive than LEVEL.`;

function advisoryParent(program: Command): Command {
  return program.commands.find((c) => c.name() === 'advisory')
    ?? program.command('advisory').description('compose, render and publish advisories from STIX reports');
}

function scopeOptions(command: Command): Command {
  return command
    .argument('[report-id]', 'the report to compose from, e.g. report--d76d7fc1-e98f-4c16-ac7f-ffb2c1b70227')
    .option('--objects <ids>', 'compose from these objects instead of a report (comma-separated, repeatable)', listOption)
    .option('--title <title>', 'the advisory title (default: the report name)')
    .addOption(new Option('--tlp <level>', 'share at this TLP level, leaving out anything more restrictive').choices(TLP_LEVELS))
    .option('--follow', 'follow relationships even from an advisory Tocsin published, to refresh it')
    .option('--no-follow', 'only the objects the report names (or --objects), without their related threat context');
}

export const advisoryRenderCommand: CliCommand = {
  define: (program: Command) => scopeOptions(advisoryParent(program)
    .command('render')
    .description('render an advisory as HTML (print-ready), Markdown, a STIX bundle or a CSV of indicators'))
    .addOption(new Option('--format <format>', 'output format').choices(ADVISORY_FORMATS).default('html'))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--json', 'with --output, print a JSON summary on standard output')
    .addHelpText('after', `${SCOPE_HELP}

Examples:
  tocsin advisory render report--d76d7fc1-e98f-4c16-ac7f-ffb2c1b70227 -o advisory.html   (open it, print to PDF)
  tocsin advisory render report--… --format csv --tlp green -o indicators.csv`),

  async run(args, opts, io) {
    const format = opts.format as AdvisoryFormat;
    const advisory = await withStore(opts, io, (store) => compose(store, args, opts));
    const { renderAdvisory } = await import('../advisory/render-advisory.ts');
    const text = renderAdvisory(advisory, format);
    const file = opts.output as string | undefined;
    if (!file) {
      io.stdout.write(text);
      notes(advisory, io);
      return 0;
    }
    writeFileSync(resolve(io.cwd, file), text);
    const summary = { file, format, title: advisory.title, tlp: advisory.tlp, ...counts(advisory) };
    io.stdout.write(opts.json ? `${JSON.stringify(summary)}\n`
      : `wrote ${format} advisory "${advisory.title}" (${tlpName(advisory.tlp)}, ${summary.techniques} techniques, ${summary.indicators} indicators) to ${file}\n`);
    notes(advisory, io);
    return 0;
  },
};

export const advisoryPublishCommand: CliCommand = {
  define: (program: Command) => scopeOptions(advisoryParent(program)
    .command('publish')
    .description('publish an advisory as a report in the store, so partners receive it over TAXII'))
    .option('--as <identity>', "publish under this stored identity (default: the hub's own identity)")
    .option('--json', 'print { outcome, report, modified, derivedFrom, tlp, objects, withheld } as JSON')
    .addHelpText('after', `${SCOPE_HELP}

A report this hub created gets a new version (modified bumped, object_refs updated). Anyone else's report is
published as a new report derived from it (a derived-from relationship), because STIX 2.1 (section 3.6) lets only
an object's creator make new versions of it. A selection always becomes a new report.

Examples:
  tocsin advisory publish report--d76d7fc1-e98f-4c16-ac7f-ffb2c1b70227 --tlp green
  tocsin advisory publish --objects intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a --title "Lazarus Group" --tlp green`),

  async run(args, opts, io) {
    const { advisory, result } = await withStore(opts, io, async (store) => {
      const advisory = await compose(store, args, opts);
      const { publishAdvisory } = await import('../advisory/publish-advisory.ts');
      const result = await guard(() => publishAdvisory(store, advisory, opts.as ? { createdBy: opts.as as string } : {}));
      return { advisory, result };
    });
    const summary = {
      outcome: result.outcome,
      report: result.report.id as string,
      modified: result.report.modified as string,
      derivedFrom: result.derivedFrom,
      tlp: advisory.tlp,
      objects: (result.report.object_refs as string[]).length,
      withheld: advisory.withheld,
    };
    if (opts.json) {
      io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(result.outcome === 'new-version'
      ? `published ${summary.report} version ${summary.modified} (${tlpName(advisory.tlp)}, ${summary.objects} objects)\n`
      : `published ${summary.report} (${tlpName(advisory.tlp)}, ${summary.objects} objects)${result.derivedFrom
        ? `, derived from ${result.derivedFrom}: only a report's creator may make new versions of it (STIX 2.1 section 3.6)` : ''}\n`);
    notes(advisory, io);
    return 0;
  },
};

async function compose(store: Store, args: unknown[], opts: Record<string, unknown>): Promise<Advisory> {
  const reportId = args[0] as string | undefined;
  const objects = opts.objects as string[] | undefined;
  if (reportId && objects) throw new UsageError('give a report id or --objects, not both');
  if (!reportId && !objects) throw new UsageError('give a report id, or --objects ID,… to compose from a selection');
  const options: ComposeOptions = {
    ...(typeof opts.follow === 'boolean' ? { follow: opts.follow } : {}),
    ...(opts.tlp ? { tlp: opts.tlp as TlpLevel } : {}),
    ...(opts.title ? { title: opts.title as string } : {}),
  };
  const { composeAdvisory } = await import('../advisory/compose-advisory.ts');
  return guard(() => composeAdvisory(store, reportId ?? objects!, options));
}

/** Advisory errors are the user's to fix: one line, exit 1 when something is not there, 2 when it cannot be done. */
async function guard<T>(body: () => Promise<T>): Promise<T> {
  const {
    EmptySelectionError, IdentityNotFoundError, NotAReportError, ReportNotFoundError, ReportRevokedError, TlpCeilingError,
  } = await import('../advisory/errors.ts');
  try {
    return await body();
  } catch (err) {
    if (err instanceof ReportNotFoundError || err instanceof EmptySelectionError || err instanceof IdentityNotFoundError) {
      throw new UsageError(err.message, 1);
    }
    if (err instanceof NotAReportError || err instanceof TlpCeilingError || err instanceof ReportRevokedError) {
      throw new UsageError(err.message, 2);
    }
    throw err;
  }
}

function counts(a: Advisory): { actors: number; techniques: number; software: number; indicators: number; mitigations: number; withheld: number; missing: number } {
  return {
    actors: a.actors.length, techniques: a.techniques.length, software: a.software.length, indicators: a.indicators.length,
    mitigations: a.mitigations.length, withheld: a.withheld.length, missing: a.missing.length,
  };
}

/** What the reader should know about what the advisory leaves out, on standard error. */
function notes(a: Advisory, io: Io): void {
  if (a.withheld.length > 0) {
    io.stderr.write(`note: ${a.withheld.length} objects more restrictive than ${tlpName(a.tlp)} were left out\n`);
  }
  if (a.missing.length > 0) {
    io.stderr.write(`note: ${a.missing.length} referenced objects are not in the store: ${a.missing.slice(0, 5).join(', ')}${a.missing.length > 5 ? ', …' : ''}\n`);
  }
}

function tlpName(level: TlpLevel): string {
  return `TLP:${level.toUpperCase()}`;
}
