// STIX timestamps (section 2.16, always UTC with a Z) parsed to comparable instants of any sub-second precision.

export interface Instant {
  /** Whole seconds since 1970-01-01T00:00:00Z. */
  seconds: number;
  /** Fraction-of-second digits without trailing zeros ('' for a whole second). */
  fraction: string;
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/;

/** The instant `text` names, or undefined if it is not a valid STIX timestamp. */
export function parseTimestamp(text: string): Instant | undefined {
  const m = SHAPE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Second 60 is a leap second (RFC 3339); it counts as the first second of the next minute.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC maps years 0–99 to 1900–1999; correct for them.
  const seconds = (year < 100 ? new Date(ms).setUTCFullYear(year) : ms) / 1000;
  return { seconds, fraction: (m[7] ?? '').replace(/0+$/, '') };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function compareInstants(a: Instant, b: Instant): number {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  if (a.fraction === b.fraction) return 0;
  // Equal-length digit strings compare like numbers; pad the shorter one with zeros.
  const n = Math.max(a.fraction.length, b.fraction.length);
  return a.fraction.padEnd(n, '0') < b.fraction.padEnd(n, '0') ? -1 : 1;
}

/** `b - a` in seconds, as a float (precision beyond microseconds is not needed for time windows). */
export function secondsBetween(a: Instant, b: Instant): number {
  return b.seconds - a.seconds + (Number(`0.${b.fraction || '0'}`) - Number(`0.${a.fraction || '0'}`));
}
