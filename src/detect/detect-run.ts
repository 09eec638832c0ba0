// One detection run: telemetry in, detections out as sightings in the store and alerts to the sinks.
import type { Store } from '../store/store.ts';
import type { MalformedLine } from './adapters/malformed-record-error.ts';
import { alertOf } from './alert.ts';
import type { AlertSink } from './alert-sinks.ts';
import { Attribution } from './attribution.ts';
import { DetectionEngine, type EngineOptions, type LoadReport } from './engine.ts';
import { hubIdentity } from '../store/hub-identity.ts';
import type { TelemetryInput } from './input/telemetry-inputs.ts';
import { SightingRecorder, type SightingOptions } from './sightings.ts';
import { newReadStats, readTelemetry, type ReadOptions } from './telemetry-reader.ts';
import type { TelemetryEvent } from './event.ts';

export interface DetectRunOptions {
  store: Store;
  inputs: TelemetryInput[];
  read?: ReadOptions;
  engine?: EngineOptions;
  sightings?: SightingOptions;
  sinks?: AlertSink[];
  /** Milliseconds between looks at the store for changed indicators, and between sighting writes (default 5000). */
  refreshMs?: number;
  /** Called after each batch of events, with the figures so far. */
  onProgress?: (summary: DetectSummary) => void;
}

export interface DetectSummary {
  indicators: LoadReport;
  records: number;
  events: number;
  malformed: number;
  malformedLines: MalformedLine[];
  skippedFiles: { source: string; reason: string }[];
  /** Detections: an indicator matched by an event (or completed by it, for patterns over several). */
  matches: number;
  /** Distinct sightings created (one per indicator and window). */
  sightings: number;
  observedData: number;
  /** Matches per indicator id, most first. */
  byIndicator: { id: string; name: string | null; matches: number }[];
  partialMatches: { held: number; expired: number; dropped: number; searchesCut: number };
  hub: string;
  elapsedMs: number;
  eventsPerSecond: number;
}

/** One detection run over the inputs: opens a session, reads everything, writes what is left, closes. */
export async function runDetection(options: DetectRunOptions): Promise<DetectSummary> {
  const session = await DetectionSession.open(options);
  try {
    await session.consume(options.inputs, options.read ?? {}, options.onProgress);
  } finally {
    await session.close();
  }
  return session.summary();
}

/**
 * A loaded engine with its sighting recorder, fed as many times as needed: one run of `tocsin detect`, or the
 * hub's long-lived engine fed by log shippers batch after batch.
 */
export class DetectionSession {
  readonly #store: Store;
  readonly #engine: DetectionEngine;
  readonly #load: LoadReport;
  readonly #recorder: SightingRecorder;
  readonly #attribution: Attribution;
  readonly #sinks: AlertSink[];
  readonly #stats = newReadStats();
  readonly #refreshMs: number;
  readonly #windowSeconds: number;
  readonly #byIndicator = new Map<string, { id: string; name: string | null; matches: number }>();
  readonly #started = performance.now();
  readonly #hub: string;
  #matches = 0;
  #lastRefresh = performance.now();
  #latest = -Infinity;
  #busy: Promise<void> = Promise.resolve();

  private constructor(options: SessionOptions, hub: string, engine: DetectionEngine, load: LoadReport) {
    this.#store = options.store;
    this.#hub = hub;
    this.#engine = engine;
    this.#load = load;
    this.#recorder = new SightingRecorder(options.store, hub, options.sightings);
    this.#attribution = new Attribution(options.store);
    this.#sinks = options.sinks ?? [];
    this.#refreshMs = options.refreshMs ?? 5000;
    this.#windowSeconds = options.sightings?.windowSeconds ?? 3600;
  }

  static async open(options: SessionOptions): Promise<DetectionSession> {
    const hub = (await hubIdentity(options.store)).id as string;
    const engine = new DetectionEngine(options.engine);
    const load = await engine.loadFrom(options.store);
    return new DetectionSession(options, hub, engine, load);
  }

  /** Reads the inputs through the engine; returns the figures of this call alone. */
  async consume(inputs: TelemetryInput[], read: ReadOptions = {}, onProgress?: (summary: DetectSummary) => void): Promise<DetectSummary> {
    const before = this.summary();
    // While followed files are quiet, a timer does the store work, so a sighting does not wait for the next line.
    const idle = read.follow ? setInterval(() => {
      if (performance.now() - this.#lastRefresh >= this.#refreshMs) void this.#upkeep();
    }, Math.max(this.#refreshMs, 50)) : undefined;
    idle?.unref();
    try {
      for await (const batch of readTelemetry(inputs, read, this.#stats)) {
        for (const event of batch) await this.#process(event);
        if (performance.now() - this.#lastRefresh >= this.#refreshMs) await this.#upkeep();
        onProgress?.(this.summary());
      }
    } finally {
      if (idle) clearInterval(idle);
      await this.#busy;
    }
    return difference(this.summary(), before);
  }

  /** Writes every sighting still held (a shipper's batch is answered once its sightings are stored). */
  async flush(): Promise<void> {
    await this.#busy;
    await this.#recorder.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    await Promise.all(this.#sinks.map((s) => s.close()));
  }

  summary(): DetectSummary {
    const elapsedMs = performance.now() - this.#started;
    const stats = this.#stats;
    return {
      indicators: this.#load,
      records: stats.records,
      events: stats.events,
      malformed: stats.malformed,
      malformedLines: [...stats.malformedLines],
      skippedFiles: [...stats.skippedFiles],
      matches: this.#matches,
      sightings: this.#recorder.created,
      observedData: this.#recorder.observedDataWritten,
      byIndicator: [...this.#byIndicator.values()].map((e) => ({ ...e })).sort((a, b) => b.matches - a.matches),
      partialMatches: { held: this.#engine.partialMatches, ...this.#engine.windowCounters },
      hub: this.#hub,
      elapsedMs,
      eventsPerSecond: stats.events / Math.max(elapsedMs / 1000, 1e-3),
    };
  }

  async #process(event: TelemetryEvent): Promise<void> {
    if (event.time > this.#latest) this.#latest = event.time;
    for (const d of this.#engine.process(event)) {
      this.#matches++;
      const entry = this.#byIndicator.get(d.indicator.id) ?? { id: d.indicator.id, name: d.indicator.name ?? null, matches: 0 };
      entry.matches++;
      this.#byIndicator.set(d.indicator.id, entry);
      const sighting = this.#recorder.record(d);
      if (this.#sinks.length > 0) {
        const alert = alertOf(d, await this.#attribution.of(d.indicator.id), sighting);
        for (const sink of this.#sinks) sink.send(alert);
      }
    }
  }

  /** Store work between batches: indicator changes in, finished sighting windows out. */
  #upkeep(): Promise<void> {
    this.#busy = this.#busy.then(async () => {
      await this.#engine.refresh(this.#store);
      // Relationships change too (a new attribution): look them up afresh.
      this.#attribution.clear();
      await this.#recorder.flush(this.#latest - this.#windowSeconds);
      this.#lastRefresh = performance.now();
    });
    return this.#busy;
  }
}

export type SessionOptions = Omit<DetectRunOptions, 'inputs' | 'read' | 'onProgress'>;

/** The figures of one call: counters as differences, lists as what the call added. */
function difference(after: DetectSummary, before: DetectSummary): DetectSummary {
  const matchesBefore = new Map(before.byIndicator.map((e) => [e.id, e.matches]));
  return {
    ...after,
    records: after.records - before.records,
    events: after.events - before.events,
    malformed: after.malformed - before.malformed,
    malformedLines: after.malformedLines.slice(before.malformedLines.length),
    skippedFiles: after.skippedFiles.slice(before.skippedFiles.length),
    matches: after.matches - before.matches,
    sightings: after.sightings - before.sightings,
    observedData: after.observedData - before.observedData,
    byIndicator: after.byIndicator
      .map((e) => ({ ...e, matches: e.matches - (matchesBefore.get(e.id) ?? 0) }))
      .filter((e) => e.matches > 0),
    elapsedMs: after.elapsedMs - before.elapsedMs,
    eventsPerSecond: (after.events - before.events) / Math.max((after.elapsedMs - before.elapsedMs) / 1000, 1e-3),
  };
}
