// Splits work on many values into a few statement shapes, so that each is prepared once.

/** Values per statement at most: one call per chunk instead of one per value. */
const CHUNK = 256;

/**
 * Splits a count into chunks of CHUNK and then of falling powers of two, as [offset, size] pairs: at most a
 * few statement shapes are prepared, whatever the counts.
 */
export function chunks(count: number): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (let size = CHUNK; at < count; size >>= 1) {
    for (; count - at >= size; at += size) out.push([at, size]);
  }
  return out;
}
