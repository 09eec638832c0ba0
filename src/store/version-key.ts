// Normalises STIX timestamps into fixed-width keys so that text order is instant order.

/**
 * `2016-04-06T20:03:00Z` and `2016-04-06T20:03:00.000Z` name the same instant and so the same version;
 * fraction digits are padded to nanoseconds so that keys compare correctly as strings.
 */
export function versionKey(timestamp: string): string {
  const dot = timestamp.indexOf('.', 19);
  const end = timestamp.length - 1;
  const fraction = dot === -1 ? '' : timestamp.slice(dot + 1, end);
  return `${timestamp.slice(0, 19)}.${fraction.padEnd(9, '0').slice(0, 9)}Z`;
}

/** Formats a microsecond count since the epoch as RFC 3339 with six fraction digits. */
export function formatMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString();
  const extra = String(micros % 1000).padStart(3, '0');
  return `${iso.slice(0, 23)}${extra}Z`;
}

/** Parses an RFC 3339 timestamp into microseconds since the epoch, or NaN. */
export function parseMicros(timestamp: string): number {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return NaN;
  const dot = timestamp.indexOf('.', 19);
  const digits = dot === -1 ? '' : timestamp.slice(dot + 1).replace(/\D.*$/, '');
  const micros = Number(digits.padEnd(6, '0').slice(3, 6));
  return ms * 1000 + micros;
}
