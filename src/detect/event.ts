// One telemetry record as the engine sees it: the SCOs it implies, its time, and where it was read.

export type Sco = Record<string, unknown>;

/**
 * References between the event's SCOs are local keys — the object's index as a decimal string — as in STIX 2.0
 * embedded observed-data, so an event is matched without minting a STIX id per object; ids are computed only
 * for events that match and are stored.
 */
export interface TelemetryEvent {
  /** Event time in seconds since 1970-01-01T00:00:00Z (fractional, microsecond precision). */
  time: number;
  objects: Sco[];
  /** File name (or `stdin`) and 1-based line number of the record. */
  source: string;
  line: number;
  /** The record as read (parsed fields), carried into alerts. */
  record: unknown;
}
