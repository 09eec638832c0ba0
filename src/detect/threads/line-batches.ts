// The main thread's half of a threaded run's reading: inputs split into numbered lines, batched for the workers.
import type { LineDecoder } from '../adapters/line-decoder.ts';
import { lineDecoder } from '../adapters/telemetry-format.ts';
import type { MalformedLine } from '../adapters/malformed-record-error.ts';
import type { TelemetryEvent } from '../event.ts';
import { lines, type TextLine } from '../input/line-stream.ts';
import type { TelemetryInput } from '../input/telemetry-inputs.ts';
import { formatOf, inputChunks, merge, stixEvents, type ReadOptions, type ReadStats } from '../telemetry-reader.ts';
import type { DecoderSpec } from './match-protocol.ts';

/** Lines for a worker to decode, with their numbers. `records` counts those that are not header lines. */
export interface LinesBatch {
  kind: 'lines';
  decoder: DecoderSpec;
  texts: string[];
  lines: Float64Array;
  records: number;
}

/** A STIX input, decoded here (its documents span lines), with what its decoding found. */
export interface EventsBatch {
  kind: 'events';
  events: TelemetryEvent[];
  records: number;
  malformed: MalformedLine[];
}

export type RawBatch = LinesBatch | EventsBatch;

/**
 * A batch is sent once it holds this many lines (a followed file's lines go as soon as they are read): small
 * batches keep less in flight (the peak RSS of a two-thread run over 300,000 Zeek JSON events: about 270 MB
 * with 1,024 lines, 230 with 256, 220 with 128), each costs a message both ways. The lines go as an array
 * of their texts: joining them into one text to post cost the main thread about 0.3 µs more a line, and a
 * joined text of hundreds of kilobytes lands in V8's large-object space, which only full collections free.
 */
const BATCH_LINES = 256;

/** Inputs are numbered across the process: a worker keeps decoders by number, through a session's many calls. */
let inputsNumbered = 0;

/**
 * Every input as batches, in input order (followed inputs interleaved as their lines arrive). Only files
 * skipped for their format are counted here; all other figures travel with the batches, so that they are
 * counted in input order with the workers' results.
 */
export async function* lineBatches(inputs: TelemetryInput[], options: ReadOptions, stats: ReadStats): AsyncGenerator<RawBatch> {
  const streams = inputs.map((input) => inputBatches(input, inputsNumbered++, options, stats));
  if (options.follow && streams.length > 1) yield* merge(streams);
  else for (const s of streams) yield* s;
}

async function* inputBatches(input: TelemetryInput, number: number, options: ReadOptions, stats: ReadStats): AsyncGenerator<RawBatch> {
  let decoder: DecoderTracker | undefined;
  let stix: TextLine[] | undefined;
  let pending: LinesBatch | undefined;
  let numbers = new Float64Array(BATCH_LINES * 2);
  let count = 0;
  const done = (): LinesBatch => {
    const batch = pending!;
    batch.lines = numbers.slice(0, count);
    pending = undefined;
    count = 0;
    return batch;
  };
  for await (const batch of lines(inputChunks(input, options), options.onBytes)) {
    if (decoder === undefined && stix === undefined) {
      const format = formatOf(input, batch[0]!.text, options, stats);
      if (format === 'skip') return;
      if (format === 'stix') stix = [];
      else decoder = new DecoderTracker({ input: number, version: 0, format, source: input.name, firstLine: batch[0]!.text, mapping: options.mapping, headers: undefined });
    }
    if (stix !== undefined) {
      stix.push(...batch);
      continue;
    }
    pending ??= { kind: 'lines', decoder: decoder!.spec(), texts: [], lines: EMPTY, records: 0 };
    if (count + batch.length > numbers.length) {
      const grown = new Float64Array(Math.max(numbers.length * 2, count + batch.length));
      grown.set(numbers.subarray(0, count));
      numbers = grown;
    }
    const texts = pending.texts;
    for (const { text, line } of batch) {
      if (text.charCodeAt(0) === 35 /* # */) decoder!.header(text, line);
      else pending.records++;
      texts.push(text);
      numbers[count++] = line;
    }
    if (options.follow || count >= BATCH_LINES) yield done();
  }
  if (pending) yield done();
  if (stix !== undefined) {
    const found: EventsBatch = { kind: 'events', events: [], records: 0, malformed: [] };
    found.events = stixEvents(input.name, stix, found, (line, reason) => found.malformed.push({ source: input.name, line, reason }));
    yield found;
  }
}

const EMPTY = new Float64Array(0);

/**
 * The input's decoder as the workers must start each batch: header lines (Zeek TSV's `#fields`, `#types`…)
 * are read here too, and a batch after them carries their effect, under a new version.
 */
class DecoderTracker {
  private readonly decoder: LineDecoder | undefined;
  private current: DecoderSpec;
  private changed = false;

  constructor(spec: DecoderSpec) {
    const decoder = lineDecoder(spec.format, spec.source, spec.firstLine, spec.mapping);
    // A decoder without header state reads every line alike: nothing to follow here.
    this.decoder = decoder.headerState ? decoder : undefined;
    this.current = spec;
  }

  header(text: string, line: number): void {
    if (this.decoder === undefined) return;
    this.decoder.decode(text, line);
    this.changed = true;
  }

  spec(): DecoderSpec {
    if (this.changed) {
      this.current = { ...this.current, version: this.current.version + 1, headers: this.decoder!.headerState!() };
      this.changed = false;
    }
    return this.current;
  }
}
