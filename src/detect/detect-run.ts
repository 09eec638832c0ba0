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

export async function runDetection(options: DetectRunOptions): Promise<DetectSummary> {
  const started = performance.now();
  const { store } = options;
  const hub = (await hubIdentity(store)).id as string;
  const engine = new DetectionEngine(options.engine);
  const load = await engine.loadFrom(store);
  const recorder = new SightingRecorder(store, hub, options.sightings);
  const attribution = new Attribution(store);
  const sinks = options.sinks ?? [];
  const stats = newReadStats();
  const refreshMs = options.refreshMs ?? 5000;
  const windowSeconds = options.sightings?.windowSeconds ?? 3600;
  const byIndicator = new Map<string, { id: string; name: string | null; matches: number }>();
  let matches = 0;
  let lastRefresh = performance.now();
  let latest = -Infinity;

  const summary = (): DetectSummary => {
    const elapsedMs = performance.now() - started;
    return {
      indicators: load,
      records: stats.records,
      events: stats.events,
      malformed: stats.malformed,
      malformedLines: stats.malformedLines,
      skippedFiles: stats.skippedFiles,
      matches,
      sightings: recorder.created,
      observedData: recorder.observedDataWritten,
      byIndicator: [...byIndicator.values()].sort((a, b) => b.matches - a.matches),
      partialMatches: { held: engine.partialMatches, ...engine.windowCounters },
      hub,
      elapsedMs,
      eventsPerSecond: stats.events / Math.max(elapsedMs / 1000, 1e-3),
    };
  };

  // Store work (indicator changes, sighting writes) runs between batches; while followed files are quiet, a
  // timer does it, so a sighting does not wait for the next log line to be written.
  let busy: Promise<void> = Promise.resolve();
  const upkeep = (): Promise<void> => {
    busy = busy.then(async () => {
      await engine.refresh(store);
      // Relationships change too (a new attribution): look them up afresh.
      attribution.clear();
      await recorder.flush(latest - windowSeconds);
      lastRefresh = performance.now();
    });
    return busy;
  };
  const idle = options.read?.follow ? setInterval(() => {
    if (performance.now() - lastRefresh >= refreshMs) void upkeep();
  }, Math.max(refreshMs, 50)) : undefined;
  idle?.unref();
  try {
    for await (const batch of readTelemetry(options.inputs, options.read ?? {}, stats)) {
      for (const event of batch) {
        if (event.time > latest) latest = event.time;
        const detections = engine.process(event);
        for (const d of detections) {
          matches++;
          const entry = byIndicator.get(d.indicator.id) ?? { id: d.indicator.id, name: d.indicator.name ?? null, matches: 0 };
          entry.matches++;
          byIndicator.set(d.indicator.id, entry);
          const sighting = recorder.record(d);
          if (sinks.length > 0) {
            const alert = alertOf(d, await attribution.of(d.indicator.id), sighting);
            for (const sink of sinks) sink.send(alert);
          }
        }
      }
      if (performance.now() - lastRefresh >= refreshMs) await upkeep();
      options.onProgress?.(summary());
    }
  } finally {
    if (idle) clearInterval(idle);
    await busy;
    await recorder.flush();
    await Promise.all(sinks.map((s) => s.close()));
  }
  return summary();
}
