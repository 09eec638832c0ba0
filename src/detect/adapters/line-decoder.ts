// The shape of a telemetry format: one decoder per input, fed line by line (it may keep header state).
import type { TelemetryEvent } from '../event.ts';

export interface LineDecoder {
  /**
   * The event a line implies, or null for lines that carry none (headers, comments, records without
   * observables). Throws MalformedRecordError for a line that cannot be read.
   */
  decode(text: string, line: number): TelemetryEvent | null;
}
