// An actor's timeline: the reports that name it and the sightings of the indicators that point to it, by date.
import type { Edge } from '../store/store.ts';
import type { Reader } from './reader.ts';
import { summarize, type ObjectSummary } from './summary.ts';

export interface TimelineEntry {
  /** RFC 3339: a report's `published`, a sighting's `last_seen` (or `first_seen`, `created`). */
  date: string;
  kind: 'report' | 'sighting';
  object: ObjectSummary;
  /** For sightings, how many times the indicator was seen and which indicator. */
  count: number | null;
  indicator: ObjectSummary | null;
}

export async function timelineOf(reader: Reader, edges: Edge[]): Promise<TimelineEntry[]> {
  const reportIds = edges.filter((e) => e.via === 'object_refs' && e.source.startsWith('report--')).map((e) => e.source);
  const indicatorIds = new Set(edges.filter((e) => e.via === 'indicates' && e.source.startsWith('indicator--')).map((e) => e.source));
  const entries: TimelineEntry[] = [];
  for (const [, v] of await reader.latest(reportIds)) {
    const report = JSON.parse(v.json) as Record<string, unknown>;
    entries.push({ date: String(report.published ?? report.created ?? v.dateAdded), kind: 'report', object: summarize(v, report), count: null, indicator: null });
  }
  if (indicatorIds.size > 0) {
    // Sightings are few next to indicators: reading them all beats asking for each indicator's edges.
    const sightings = (await reader.all({ types: ['sighting'], versions: 'latest' }))
      .map((v) => ({ v, o: JSON.parse(v.json) as Record<string, unknown> }))
      .filter(({ o }) => typeof o.sighting_of_ref === 'string' && indicatorIds.has(o.sighting_of_ref));
    const indicators = await reader.latest(sightings.map(({ o }) => o.sighting_of_ref as string));
    for (const { v, o } of sightings) {
      const indicator = indicators.get(o.sighting_of_ref as string);
      entries.push({
        date: String(o.last_seen ?? o.first_seen ?? o.created ?? v.dateAdded), kind: 'sighting', object: summarize(v, o),
        count: typeof o.count === 'number' ? o.count : null, indicator: indicator ? summarize(indicator) : null,
      });
    }
  }
  return entries.sort((a, b) => b.date.localeCompare(a.date));
}
