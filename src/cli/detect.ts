// `tocsin detect FILE…|-`: matches telemetry against every indicator in force; sightings to the store, alerts out.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import type { Io } from './io.ts';
import { withStore } from './open.ts';
import type { AlertSink, WebhookStats } from '../detect/alert-sinks.ts';
import type { FieldMapping } from '../detect/adapters/field-mapping.ts';
import { FORMATS, type TelemetryFormat } from '../detect/adapters/format-names.ts';
import type { DetectSummary } from '../detect/detect-run.ts';
import type { TelemetryInput } from '../detect/input/telemetry-inputs.ts';
import { parseThreadChoice, ThreadChoiceError, type ThreadChoice } from '../detect/threads/thread-count.ts';

export const detectCommand: CliCommand = {
  define: (program: Command) => program
    .command('detect')
    .description('match Zeek, Suricata EVE, JSON-lines or STIX telemetry against every indicator in force; records sightings, emits alerts')
    .argument('<inputs...>', 'log files (plain or gzip), directories, or - for standard input')
    .option('--follow', 'keep reading files as they grow, across rotation (like tail -F), until interrupted')
    .option('--format <format>', `input format: ${FORMATS.join(', ')} (default: recognised from each file's first line)`)
    .option('--mapping <file>', 'field mapping for generic JSON lines (which fields are which observables)')
    .option('--alerts <file>', 'write an alert per match as JSON lines to FILE (- for standard output)')
    .option('--webhook <url>', 'POST each alert as JSON to URL')
    .option('--window <seconds>', 'time window of one sighting per indicator', '3600')
    .option('--threads <n>', 'threads that decode and match: a number, or auto (several for large inputs and indexes of up to 250,000 indicators, on more than one core)', 'auto')
    .option('--json', 'print the summary as JSON'),

  async run(args, opts, io) {
    const format = opts.format as string | undefined;
    if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${format}`);
    }
    const windowSeconds = Number(opts.window);
    if (!(windowSeconds > 0)) throw new UsageError(`--window must be a positive number of seconds, not ${String(opts.window)}`);
    let threads: ThreadChoice;
    try {
      threads = parseThreadChoice(String(opts.threads));
    } catch (err) {
      if (err instanceof ThreadChoiceError) throw new UsageError(err.message);
      throw err;
    }
    let mapping: FieldMapping | undefined;
    const paths = args[0] as string[];
    const [{ MappingFileError, readMapping }, { UnknownFormatError }, { expandTelemetry, TelemetryInputError }] = await Promise.all([
      import('../detect/adapters/field-mapping.ts'), import('../detect/adapters/telemetry-format.ts'), import('../detect/input/telemetry-inputs.ts'),
    ]);
    try {
      mapping = typeof opts.mapping === 'string' ? readMapping(opts.mapping) : undefined;
      const inputs = expandTelemetry(paths, io.stdin);
      return await detect(inputs, { format: format as TelemetryFormat | undefined, mapping, windowSeconds, threads }, opts, io);
    } catch (err) {
      if (err instanceof TelemetryInputError || err instanceof UnknownFormatError || err instanceof MappingFileError) {
        throw new UsageError(err.message);
      }
      throw err;
    }
  },
};

interface Choices {
  format: TelemetryFormat | undefined;
  mapping: FieldMapping | undefined;
  windowSeconds: number;
  threads: ThreadChoice;
}

async function detect(inputs: TelemetryInput[], c: Choices, opts: Record<string, unknown>, io: Io): Promise<number> {
  const [{ jsonLinesSink, webhookSink }, { runDetection }, { detectSummaryText }] = await Promise.all([
    import('../detect/alert-sinks.ts'), import('../detect/detect-run.ts'), import('../detect/summary-text.ts'),
  ]);
  const sinks: AlertSink[] = [];
  const alertsTo = opts.alerts as string | undefined;
  const file = alertsTo !== undefined && alertsTo !== '-' ? createWriteStream(alertsTo, { flags: 'a' }) : undefined;
  if (alertsTo === '-') sinks.push(jsonLinesSink(io.stdout));
  if (file) sinks.push(jsonLinesSink(file));
  let webhook: WebhookStats | undefined;
  if (typeof opts.webhook === 'string') {
    webhook = { sent: 0, failed: 0, lastError: null };
    sinks.push(webhookSink(opts.webhook, webhook));
  }
  // With alerts on standard output, the summary goes to standard error so the two do not mix.
  const report = alertsTo === '-' ? io.stderr : io.stdout;
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  if (opts.follow) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  const progress = progressLine(io);
  let summary: DetectSummary;
  try {
    summary = await withStore(opts, io, (store) => runDetection({
      store,
      inputs,
      read: { ...(c.format ? { format: c.format } : {}), ...(c.mapping ? { mapping: c.mapping } : {}), ...(opts.follow ? { follow: stop.signal } : {}) },
      sightings: { windowSeconds: c.windowSeconds },
      threads: c.threads,
      sinks,
      onProgress: progress.update,
    }));
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (file) {
      file.end();
      await once(file, 'close');
    }
  }
  report.write(opts.json ? `${JSON.stringify(webhook ? { ...summary, webhook } : summary, null, 2)}\n` : detectSummaryText(summary, webhook));
  return 0;
}

/** One self-overwriting status line on a terminal, at most four times a second; nothing otherwise. */
function progressLine(io: Io): { update: (s: DetectSummary) => void; stop: () => void } {
  if (!io.stderr.isTTY) return { update: () => {}, stop: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(s) {
      const now = performance.now();
      if (now - last < 250) return;
      last = now;
      shown = true;
      const k = (x: number): string => Math.round(x).toLocaleString('en');
      io.stderr.write(`\r\x1b[Kdetect: ${k(s.events)} events, ${k(s.matches)} matches, ${k(s.sightings)} sightings, ${k(s.malformed)} malformed, ${k(s.eventsPerSecond)} events/s`);
    },
    stop() {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}
