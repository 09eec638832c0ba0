// The messages between a threaded run's main thread and its match workers (all plain, structured-cloneable data).
import type { FieldMapping } from '../adapters/field-mapping.ts';
import type { HeaderState } from '../adapters/line-decoder.ts';
import type { TelemetryFormat } from '../adapters/telemetry-format.ts';
import type { Hit, LoadReport, SeveralObservations } from '../engine.ts';
import type { TelemetryEvent } from '../event.ts';

/** How a worker builds the decoder of a batch's lines: what the main thread's own decoder was made from. */
export interface DecoderSpec {
  /** The input's number in the run; with `version`, names the decoder a worker may keep between batches. */
  input: number;
  /** Goes up whenever header lines have changed the decoder's state. */
  version: number;
  format: Exclude<TelemetryFormat, 'stix'>;
  source: string;
  firstLine: string;
  mapping: FieldMapping | undefined;
  /** The header lines' effect before the batch (Zeek TSV). */
  headers: HeaderState | undefined;
}

export type ToWorker =
  /** A page of indicator JSON to index, judged in force at `now`. */
  | { op: 'indicators'; json: string[]; now: number }
  /** All pages are sent: answer with the load report. */
  | { op: 'loaded' }
  /** Lines to decode and match, with their numbers. */
  | { op: 'lines'; seq: number; decoder: DecoderSpec; texts: string[]; lines: Float64Array }
  /** Events decoded by the main thread already (STIX documents) to match. */
  | { op: 'events'; seq: number; events: TelemetryEvent[] }
  /** Indicator versions changed in the store, applied with the clock at `now` before any later batch. */
  | { op: 'changes'; objects: Record<string, unknown>[]; now: number }
  | { op: 'stats' };

/** One event that hit the index, with what it hit. */
export interface EventHits {
  event: TelemetryEvent;
  hits: readonly Hit[];
}

export interface BatchResult {
  op: 'result';
  seq: number;
  events: number;
  /** The latest event time in the batch (-Infinity when it had none). */
  latest: number;
  /** Malformed lines, as line number and reason, in line order. */
  malformed: [number, string][];
  hits: EventHits[];
}

export interface IndexStats {
  paths: number;
  entries: number;
  candidates: number;
  confirmed: number;
}

export type FromWorker =
  /** The load report, and the patterns over several observations whose windows the main thread keeps. */
  | { op: 'loaded'; report: LoadReport; several: SeveralObservations }
  | BatchResult
  | { op: 'stats'; stats: IndexStats };
