// The shape of a telemetry format: one decoder per input, fed line by line (it may keep header state).
import type { TelemetryEvent } from '../event.ts';

/** What the header lines read so far have set, as plain data that a copy of the decoder in a worker thread can take on. */
export type HeaderState = Readonly<Record<string, unknown>>;

export interface LineDecoder {
  /**
   * The event a line implies, or null for lines that carry none (headers, comments, records without
   * observables). Throws MalformedRecordError for a line that cannot be read.
   */
  decode(text: string, line: number): TelemetryEvent | null;
  /** Only decoders whose state header lines change (Zeek TSV) have these two. */
  headerState?(): HeaderState;
  resumeHeaders?(state: HeaderState): void;
}
