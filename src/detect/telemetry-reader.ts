// Reads every input through its decoder into batches of events, counting records and malformed lines.
import type { TelemetryEvent } from './event.ts';
import type { FieldMapping } from './adapters/field-mapping.ts';
import type { LineDecoder } from './adapters/line-decoder.ts';
import { MalformedRecordError, type MalformedLine } from './adapters/malformed-record-error.ts';
import { observedDataEvents } from './adapters/stix-observed-data.ts';
import { lineDecoder, sniffFormat, UnknownFormatError, type TelemetryFormat } from './adapters/telemetry-format.ts';
import { followFile } from './input/follow-file.ts';
import { lines, type REOPENED, type TextLine } from './input/line-stream.ts';
import type { TelemetryInput } from './input/telemetry-inputs.ts';

export interface ReadOptions {
  format?: TelemetryFormat;
  mapping?: FieldMapping;
  /** Follow files as they grow, until the signal aborts. */
  follow?: AbortSignal;
  onBytes?: (n: number) => void;
  /** How many malformed lines to keep for the report (all are counted). Default 1000. */
  keepMalformed?: number;
}

export interface ReadStats {
  /** Non-empty, non-header lines (or observed-data objects) read. */
  records: number;
  events: number;
  malformed: number;
  /** The first malformed lines, with their place and reason. */
  malformedLines: MalformedLine[];
  /** Files found in directories that are not telemetry in a known format. */
  skippedFiles: { source: string; reason: string }[];
}

export function newReadStats(): ReadStats {
  return { records: 0, events: 0, malformed: 0, malformedLines: [], skippedFiles: [] };
}

export async function* readTelemetry(inputs: TelemetryInput[], options: ReadOptions, stats: ReadStats): AsyncGenerator<TelemetryEvent[]> {
  const streams = inputs.map((input) => decodeInput(input, options, stats));
  if (options.follow && streams.length > 1) yield* merge(streams);
  else for (const s of streams) yield* s;
}

async function* decodeInput(input: TelemetryInput, options: ReadOptions, stats: ReadStats): AsyncGenerator<TelemetryEvent[]> {
  const keep = options.keepMalformed ?? 1000;
  const malformed = (line: number, reason: string): void => noteMalformed(stats, keep, { source: input.name, line, reason });
  let decoder: LineDecoder | undefined;
  let stix: TextLine[] | undefined;
  for await (const batch of lines(inputChunks(input, options), options.onBytes)) {
    if (decoder === undefined && stix === undefined) {
      const format = formatOf(input, batch[0]!.text, options, stats);
      if (format === 'skip') return;
      if (format === 'stix') stix = [];
      else decoder = lineDecoder(format, input.name, batch[0]!.text, options.mapping);
    }
    if (stix !== undefined) {
      stix.push(...batch);
      continue;
    }
    const events: TelemetryEvent[] = [];
    for (const { text, line } of batch) {
      if (text.charCodeAt(0) !== 35 /* # */) stats.records++;
      try {
        const e = decoder!.decode(text, line);
        if (e !== null) events.push(e);
      } catch (err) {
        if (!(err instanceof MalformedRecordError)) throw err;
        malformed(line, err.message);
      }
    }
    stats.events += events.length;
    if (events.length > 0) yield events;
  }
  if (stix !== undefined) {
    const events = stixEvents(input.name, stix, stats, malformed);
    stats.events += events.length;
    if (events.length > 0) yield events;
  }
}

/** The input's bytes: followed as the file grows, or read once. */
export function inputChunks(input: TelemetryInput, options: ReadOptions): AsyncIterable<Buffer | string | typeof REOPENED> {
  return options.follow && input.name !== 'stdin' ? followFile(input.name, { signal: options.follow }) : input.open();
}

/** The input's format, as asked or judged by its first line; 'skip' (listed as skipped) for an unknown one found in a directory. */
export function formatOf(input: TelemetryInput, firstLine: string, options: ReadOptions, stats: ReadStats): TelemetryFormat | 'skip' {
  try {
    return options.format ?? sniffFormat(input.name, firstLine, options.mapping);
  } catch (err) {
    if (!(err instanceof UnknownFormatError) || !input.inDirectory) throw err;
    stats.skippedFiles.push({ source: input.name, reason: err.reason });
    return 'skip';
  }
}

/** Counts a malformed line, and keeps it for the report while fewer than `keep` are kept. */
export function noteMalformed(stats: ReadStats, keep: number, m: MalformedLine): void {
  stats.malformed++;
  if (stats.malformedLines.length < keep) stats.malformedLines.push(m);
}

/** A STIX document (bundle, array, object) spread over lines, or one object per line. */
export function stixEvents(name: string, text: TextLine[], stats: Pick<ReadStats, 'records'>, malformed: (line: number, reason: string) => void): TelemetryEvent[] {
  const parsed = tryParse(text.map((t) => t.text).join('\n'));
  const documents: [unknown, number][] = parsed.ok ? [[parsed.value, text[0]?.line ?? 1]] : [];
  if (!parsed.ok) {
    for (const t of text) {
      const one = tryParse(t.text);
      if (one.ok) documents.push([one.value, t.line]);
      else malformed(t.line, `not JSON (${one.error})`);
    }
  }
  const events: TelemetryEvent[] = [];
  for (const [doc, line] of documents) {
    try {
      const found = observedDataEvents(doc, name, line);
      stats.records += found.length;
      events.push(...found);
    } catch (err) {
      if (!(err instanceof MalformedRecordError)) throw err;
      stats.records++;
      malformed(line, err.message);
    }
  }
  return events;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** Interleaves followed inputs as their lines arrive. */
export async function* merge<T>(sources: AsyncGenerator<T>[]): AsyncGenerator<T> {
  const pending = new Map<number, Promise<{ i: number; r: IteratorResult<T> }>>();
  const pull = (i: number): void => {
    pending.set(i, sources[i]!.next().then((r) => ({ i, r })));
  };
  sources.forEach((_, i) => pull(i));
  while (pending.size > 0) {
    const { i, r } = await Promise.race(pending.values());
    if (r.done) {
      pending.delete(i);
    } else {
      pull(i);
      yield r.value;
    }
  }
}
