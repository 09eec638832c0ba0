// The alert record: what was found, who it points to, and where in the telemetry it was read.
import type { Attributed } from './attribution.ts';
import type { Detection } from './engine.ts';
import { isoTime } from './adapters/zeek-record.ts';

export interface Alert {
  /** Time of the event that completed the match. */
  time: string;
  indicator: { id: string; name: string | null; pattern: string };
  /** Threat actors, intrusion sets, malware… the indicator leads to through relationships. */
  attributedTo: Attributed[];
  /** The sighting the detection was counted in. */
  sighting: string;
  /** The event that completed the match: its source file and line, and the record as read. */
  event: { source: string; line: number; record: unknown };
  /** For patterns over several events, every event taking part (file and line). */
  events?: { source: string; line: number; time: string }[];
}

export function alertOf(d: Detection, attributedTo: Attributed[], sighting: string): Alert {
  const alert: Alert = {
    time: isoTime(d.trigger.time),
    indicator: { id: d.indicator.id, name: d.indicator.name ?? null, pattern: d.indicator.pattern },
    attributedTo,
    sighting,
    event: { source: d.trigger.source, line: d.trigger.line, record: d.trigger.record },
  };
  if (d.events.length > 1) alert.events = d.events.map((e) => ({ source: e.source, line: e.line, time: isoTime(e.time) }));
  return alert;
}
