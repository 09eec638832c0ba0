// Normalises observed-data input (2.1 object_refs with SCOs alongside, or 2.0 embedded objects) for matching.
import { compareInstants, parseTimestamp, type Instant } from '../timestamp.ts';

export type Sco = Record<string, unknown>;

export interface Observation {
  /** The observed-data object's id. */
  id: string;
  first: Instant;
  last: Instant;
  /** number_observed: how many observations this object stands for (REPEATS counts them). */
  count: number;
  /** Objects a reference may resolve to, by id (2.1) or by key of the `objects` dictionary (2.0). */
  objects: Map<string, Sco>;
  /** Every SCO of the observation: each is a candidate starting object for an observation expression. */
  roots: Sco[];
}

export interface SkippedObservedData {
  id: string | null;
  reason: string;
}

/**
 * The observations among `input` (a list of STIX objects: observed-data plus, for 2.1, the SCOs they reference),
 * sorted by time; observed-data that cannot be used is listed in `skipped` with the reason.
 */
export function collectObservations(input: readonly unknown[]): { observations: Observation[]; skipped: SkippedObservedData[] } {
  const byId = new Map<string, Sco>();
  for (const o of input) {
    if (isRecord(o) && typeof o.id === 'string') byId.set(o.id, o);
  }
  const observations: Observation[] = [];
  const skipped: SkippedObservedData[] = [];
  for (const o of input) {
    if (!isRecord(o) || o.type !== 'observed-data') continue;
    const id = typeof o.id === 'string' ? o.id : null;
    const first = typeof o.first_observed === 'string' ? parseTimestamp(o.first_observed) : undefined;
    const last = typeof o.last_observed === 'string' ? parseTimestamp(o.last_observed) : undefined;
    const count = o.number_observed;
    if (id === null) {
      skipped.push({ id, reason: 'it has no id' });
    } else if (!first || !last) {
      skipped.push({ id, reason: 'first_observed or last_observed is missing or not a timestamp' });
    } else if (compareInstants(first, last) > 0) {
      skipped.push({ id, reason: 'last_observed is earlier than first_observed' });
    } else if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
      skipped.push({ id, reason: 'number_observed is not a positive integer' });
    } else {
      const objects = new Map<string, Sco>();
      if (isRecord(o.objects)) {
        // STIX 2.0 (deprecated in 2.1): SCOs embedded under local keys; references use those keys.
        for (const [key, sco] of Object.entries(o.objects)) if (isRecord(sco)) objects.set(key, sco);
      } else if (Array.isArray(o.object_refs)) {
        // Section 9.7.4: only objects listed in object_refs may be followed.
        for (const ref of o.object_refs) {
          const sco = typeof ref === 'string' ? byId.get(ref) : undefined;
          if (sco) objects.set(ref as string, sco);
        }
      }
      if (objects.size === 0) {
        skipped.push({ id, reason: 'none of its objects were found (object_refs need the SCOs alongside)' });
        continue;
      }
      observations.push({ id, first, last, count, objects, roots: [...objects.values()] });
    }
  }
  observations.sort((a, b) => compareInstants(a.first, b.first) || compareInstants(a.last, b.last));
  return { observations, skipped };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
