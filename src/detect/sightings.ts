// Detections as STIX sightings: one per indicator and time window, with the observed-data that bears it out.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.ts';
import type { Detection } from './engine.ts';
import type { TelemetryEvent } from './event.ts';
import { isoTime } from './adapters/zeek-record.ts';
import { observedDataOf } from './observed-data.ts';

export interface SightingOptions {
  /** Width of a sighting's time window in seconds, aligned to the epoch (default 3600: one per hour). */
  windowSeconds?: number;
  /** observed_data_refs kept per sighting; the count goes on past it (default 50). */
  maxObservedData?: number;
  /** Wall clock for `created`/`modified`. */
  now?: () => number;
}

interface Aggregate {
  id: string;
  indicator: string;
  created: string;
  modified: string;
  first: number;
  last: number;
  count: number;
  observedData: string[];
  dirty: boolean;
  /** Whether a version was written already: the next one needs a later `modified`. */
  written: boolean;
  windowEnd: number;
}

export class SightingRecorder {
  private readonly aggregates = new Map<string, Aggregate>();
  /** Observed-data and SCOs not yet written. */
  private pending: Record<string, unknown>[] = [];
  /** One observed-data per event, however many indicators it matched. */
  private readonly observedOf = new WeakMap<TelemetryEvent, string>();
  private readonly window: number;
  private readonly maxObserved: number;
  private readonly now: () => number;
  private lastStamp = 0;
  /** Distinct sightings created in this run. */
  created = 0;
  observedDataWritten = 0;

  constructor(private readonly store: Store, private readonly hub: string, options: SightingOptions = {}) {
    this.window = options.windowSeconds ?? 3600;
    this.maxObserved = options.maxObservedData ?? 50;
    this.now = options.now ?? Date.now;
  }

  /** Adds a detection to its indicator's sighting for the window of its last event; returns the sighting id. */
  record(d: Detection): string {
    const start = Math.floor(d.trigger.time / this.window) * this.window;
    const key = `${d.indicator.id}\u0000${start}`;
    let a = this.aggregates.get(key);
    if (a === undefined) {
      const stamp = this.stamp();
      a = {
        id: `sighting--${randomUUID()}`, indicator: d.indicator.id, created: stamp, modified: stamp,
        first: Infinity, last: -Infinity, count: 0, observedData: [], dirty: true, written: false, windowEnd: start + this.window,
      };
      this.aggregates.set(key, a);
      this.created++;
    }
    a.count++;
    a.dirty = true;
    for (const e of d.events) {
      a.first = Math.min(a.first, e.time);
      a.last = Math.max(a.last, e.time);
      if (a.observedData.length < this.maxObserved) {
        const id = this.observedDataFor(e);
        if (!a.observedData.includes(id)) a.observedData.push(id);
      }
    }
    return a.id;
  }

  /**
   * Writes the new observed-data and a new version of every sighting that changed (STIX versioning: same id,
   * later `modified`). Sightings whose window closed before `closedBefore` (event time) are then forgotten.
   */
  async flush(closedBefore = -Infinity): Promise<number> {
    const items = this.pending.map((object) => ({ object }));
    this.pending = [];
    let written = 0;
    for (const [key, a] of this.aggregates) {
      if (a.dirty) {
        if (a.written) a.modified = this.stamp(a.modified);
        items.push({ object: this.sighting(a) });
        a.dirty = false;
        a.written = true;
        written++;
      }
      if (a.windowEnd < closedBefore) this.aggregates.delete(key);
    }
    if (items.length > 0) await this.store.put(items);
    return written;
  }

  private sighting(a: Aggregate): Record<string, unknown> {
    return {
      type: 'sighting',
      spec_version: '2.1',
      id: a.id,
      created_by_ref: this.hub,
      created: a.created,
      modified: a.modified,
      first_seen: isoTime(a.first),
      last_seen: isoTime(a.last),
      count: a.count,
      sighting_of_ref: a.indicator,
      observed_data_refs: a.observedData,
      where_sighted_refs: [this.hub],
    };
  }

  private observedDataFor(e: TelemetryEvent): string {
    let id = this.observedOf.get(e);
    if (id === undefined) {
      const { observedData, scos } = observedDataOf(e, this.hub, new Date(this.now()).toISOString());
      this.pending.push(...scos, observedData);
      id = observedData.id;
      this.observedOf.set(e, id);
      this.observedDataWritten++;
    }
    return id;
  }

  /** A `modified` later than `after`, to the millisecond, even when the clock has not moved. */
  private stamp(after?: string): string {
    let t = Math.max(this.now(), this.lastStamp + 1);
    if (after !== undefined) t = Math.max(t, Date.parse(after) + 1);
    this.lastStamp = t;
    return new Date(t).toISOString();
  }
}
