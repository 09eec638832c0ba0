// Zeek's JSON writer: one object per line with the TSV field names; `ts` as epoch seconds or ISO 8601.
import type { TelemetryEvent } from '../event.ts';
import type { LineDecoder } from './line-decoder.ts';
import { MalformedRecordError } from './malformed-record-error.ts';
import { parseJsonLine } from './parse-json-line.ts';
import { zeekRecordEvent } from './zeek-record.ts';

export class ZeekJsonDecoder implements LineDecoder {
  constructor(private readonly source: string, private readonly path: string) {}

  decode(text: string, line: number): TelemetryEvent | null {
    const record = parseJsonLine(text);
    const ts = record.ts;
    if (typeof ts === 'string') {
      const ms = Date.parse(ts);
      if (Number.isNaN(ms)) throw new MalformedRecordError(`ts "${ts}" is not a time`);
      record.ts = ms / 1000;
    } else if (typeof ts !== 'number' || !Number.isFinite(ts)) {
      throw new MalformedRecordError('ts is missing or not a time');
    }
    return zeekRecordEvent(this.path, record, this.source, line);
  }
}
