// STIX observed-data (2.1 with object_refs and the SCOs alongside, or 2.0 embedded objects) as events.
import type { Sco, TelemetryEvent } from '../event.ts';
import { MalformedRecordError } from './malformed-record-error.ts';

/** The events in a bundle, an array or a single object; `line` is where the document starts. */
export function observedDataEvents(document: unknown, source: string, line: number): TelemetryEvent[] {
  const objects: unknown[] = Array.isArray(document) ? document
    : isObject(document) && document.type === 'bundle' && Array.isArray(document.objects) ? document.objects
    : [document];
  const byId = new Map<string, Sco>();
  for (const o of objects) if (isObject(o) && typeof o.id === 'string') byId.set(o.id, o);
  const events: TelemetryEvent[] = [];
  for (const o of objects) {
    if (!isObject(o) || o.type !== 'observed-data') continue;
    const first = typeof o.first_observed === 'string' ? Date.parse(o.first_observed) : NaN;
    if (Number.isNaN(first)) throw new MalformedRecordError(`${String(o.id)}: first_observed is missing or not a timestamp`);
    const keyed: [string, Sco][] = isObject(o.objects)
      ? Object.entries(o.objects).filter((e): e is [string, Sco] => isObject(e[1]))
      : (Array.isArray(o.object_refs) ? o.object_refs : [])
          .map((ref) => [ref, byId.get(ref as string)])
          .filter((e): e is [string, Sco] => e[1] !== undefined);
    if (keyed.length === 0) continue;
    const local = new Map(keyed.map(([key], i) => [key, String(i)]));
    events.push({ time: first / 1000, objects: keyed.map(([, sco]) => relink(sco, local) as Sco), source, line, record: o });
  }
  return events;
}

/** Copies an SCO with its references rewritten to local keys (refs to objects outside the event are kept). */
function relink(value: unknown, local: Map<string, string>, key = ''): unknown {
  if (typeof value === 'string') return key.endsWith('_ref') || key.endsWith('_refs') ? local.get(value) ?? value : value;
  if (Array.isArray(value)) return value.map((v) => relink(v, local, key));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'id' ? v : relink(v, local, k);
    return out;
  }
  return value;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
