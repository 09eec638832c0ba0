// A telemetry line that cannot be read: counted and reported with its place, never fatal to the run.

export class MalformedRecordError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'MalformedRecordError';
  }
}

/** A malformed line as reported to the user. */
export interface MalformedLine {
  source: string;
  line: number;
  reason: string;
}
