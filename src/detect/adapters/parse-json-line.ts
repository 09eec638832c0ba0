// JSON.parse of one line that must hold an object, failing as a malformed record.
import { MalformedRecordError } from './malformed-record-error.ts';

export function parseJsonLine(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new MalformedRecordError(`not JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedRecordError('not a JSON object');
  return value as Record<string, unknown>;
}
