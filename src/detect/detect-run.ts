// One detection run: telemetry in, detections out as sightings in the store and alerts to the sinks.
import type { Store } from '../store/store.ts';
import type { MalformedLine } from './adapters/malformed-record-error.ts';
import { alertOf } from './alert.ts';
import type { AlertSink } from './alert-sinks.ts';
import { Attribution } from './attribution.ts';
import { DetectionEngine, type Detection, type EngineOptions, type LoadReport } from './engine.ts';
import { hubIdentity } from '../store/hub-identity.ts';
import type { TelemetryInput } from './input/telemetry-inputs.ts';
import { SightingRecorder, type SightingOptions } from './sightings.ts';
import { newReadStats, noteMalformed, readTelemetry, type ReadOptions } from './telemetry-reader.ts';
import type { TelemetryEvent } from './event.ts';
import { lineBatches } from './threads/line-batches.ts';
import { MatchPool } from './threads/match-pool.ts';
import { threadsFor, type ThreadChoice } from './threads/thread-count.ts';

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
  /**
   * Threads that decode and match (default `auto`: several only for a large input, a small enough index and
   * more than one core; see threadsFor). With 1, the main thread does everything.
   */
  threads?: ThreadChoice;
}

export interface DetectSummary {
  indicators: LoadReport;
  /** Threads that decoded and matched (1: the main thread alone). */
  threads: number;
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
  const threads = await threadsFor(options.threads ?? 'auto', {
    inputBytes: options.inputs.reduce((n, i) => n + i.size, 0),
    follow: options.read?.follow !== undefined,
    indicators: async () => (await options.store.counts()).find((c) => c.type === 'indicator')?.count ?? 0,
  });
  const session = await DetectionSession.open({ ...options, threads });
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
 *
 * With several threads, each worker thread holds a copy of the whole index and decodes and matches the
 * batches of lines it is sent; the main thread reads, and handles the results in input order. Patterns over
 * several observations span events that different threads see, so their windows stay here, in an engine
 * watching only them, offered the events the threads found hitting them, in input order: the detections,
 * sightings and alerts are those of one thread. Indicator changes are read here and sent to every thread
 * ahead of the batches that follow; the windows here take them at the same batch.
 */
export class DetectionSession {
  readonly #store: Store;
  readonly #engine: DetectionEngine;
  readonly #pool: MatchPool | undefined;
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
  readonly #wall: () => number;
  /** Changes sent to the threads, for the windows here to take once the batches before them are handled. */
  readonly #changes: { from: number; objects: Record<string, unknown>[]; now: number }[] = [];
  #matches = 0;
  #lastRefresh = performance.now();
  #latest = -Infinity;
  #busy: Promise<void> = Promise.resolve();
  /** Settles when the consume in progress ends. */
  #turn: Promise<void> = Promise.resolve();

  private constructor(options: SessionOptions, hub: string, engine: DetectionEngine, load: LoadReport, pool: MatchPool | undefined) {
    this.#store = options.store;
    this.#hub = hub;
    this.#engine = engine;
    this.#pool = pool;
    this.#load = load;
    this.#wall = options.engine?.now ?? Date.now;
    this.#recorder = new SightingRecorder(options.store, hub, options.sightings);
    this.#attribution = new Attribution(options.store);
    this.#sinks = options.sinks ?? [];
    this.#refreshMs = options.refreshMs ?? 5000;
    this.#windowSeconds = options.sightings?.windowSeconds ?? 3600;
  }

  static async open(options: SessionOptions): Promise<DetectionSession> {
    const hub = (await hubIdentity(options.store)).id as string;
    if ((options.threads ?? 1) <= 1) {
      const engine = new DetectionEngine(options.engine);
      const load = await engine.loadFrom(options.store);
      return new DetectionSession(options, hub, engine, load, undefined);
    }
    const started = performance.now();
    const wall = options.engine?.now ?? Date.now;
    // Its patterns over several observations come from a thread's copy, judged by the clock readings sent with the pages.
    const engine = new DetectionEngine({ ...options.engine, only: 'several-observations' });
    const pool = await MatchPool.start(options.threads!);
    try {
      for await (const page of engine.pagesFrom(options.store)) {
        pool.index(page, wall());
      }
      const { report, several } = await pool.loaded();
      engine.adopt(several);
      return new DetectionSession(options, hub, engine, { ...report, buildMs: performance.now() - started }, pool);
    } catch (err) {
      await pool.close();
      throw err;
    }
  }

  /**
   * Reads the inputs through the engine; returns the figures of this call alone. Calls made together (a hub's
   * shippers) run one after the other, so that each call's figures are its own.
   */
  async consume(inputs: TelemetryInput[], read: ReadOptions = {}, onProgress?: (summary: DetectSummary) => void): Promise<DetectSummary> {
    const before = this.#turn;
    let finished!: () => void;
    this.#turn = new Promise((resolve) => { finished = resolve; });
    try {
      await before;
      return await this.#consume(inputs, read, onProgress);
    } finally {
      finished();
    }
  }

  async #consume(inputs: TelemetryInput[], read: ReadOptions, onProgress?: (summary: DetectSummary) => void): Promise<DetectSummary> {
    const before = this.summary();
    // While followed files are quiet, a timer does the store work, so a sighting does not wait for the next line.
    const idle = read.follow ? setInterval(() => {
      if (performance.now() - this.#lastRefresh >= this.#refreshMs) void this.#upkeep();
    }, Math.max(this.#refreshMs, 50)) : undefined;
    idle?.unref();
    try {
      if (this.#pool) await this.#consumeThreaded(this.#pool, inputs, read, onProgress);
      else {
        for await (const batch of readTelemetry(inputs, read, this.#stats)) {
          for (const event of batch) await this.#process(event);
          if (performance.now() - this.#lastRefresh >= this.#refreshMs) await this.#upkeep();
          onProgress?.(this.summary());
        }
      }
    } finally {
      if (idle) clearInterval(idle);
      await this.#busy;
      // Every batch sent is handled: changes still waiting for one apply now.
      this.#takeChanges(Infinity);
    }
    return difference(this.summary(), before);
  }

  /** Writes every sighting still held (a shipper's batch is answered once its sightings are stored). */
  async flush(): Promise<void> {
    await this.#busy;
    await this.#recorder.flush();
  }

  async close(): Promise<void> {
    try {
      await this.flush();
      await Promise.all(this.#sinks.map((s) => s.close()));
    } finally {
      await this.#pool?.close();
    }
  }

  summary(): DetectSummary {
    const elapsedMs = performance.now() - this.#started;
    const stats = this.#stats;
    return {
      indicators: this.#load,
      threads: this.#pool?.threads ?? 1,
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

  async #consumeThreaded(pool: MatchPool, inputs: TelemetryInput[], read: ReadOptions, onProgress?: (summary: DetectSummary) => void): Promise<void> {
    const stats = this.#stats;
    const keep = read.keepMalformed ?? 1000;
    for await (const batch of pool.match(lineBatches(inputs, read, stats))) {
      this.#takeChanges(batch.seq);
      stats.records += batch.records;
      stats.events += batch.events;
      for (const m of batch.malformed) noteMalformed(stats, keep, m);
      if (batch.latest > this.#latest) this.#latest = batch.latest;
      for (const { event, hits } of batch.hits) {
        for (const d of this.#engine.complete(event, hits)) await this.#detected(d);
      }
      if (performance.now() - this.#lastRefresh >= this.#refreshMs) await this.#upkeep();
      onProgress?.(this.summary());
    }
  }

  async #process(event: TelemetryEvent): Promise<void> {
    if (event.time > this.#latest) this.#latest = event.time;
    for (const d of this.#engine.process(event)) await this.#detected(d);
  }

  async #detected(d: Detection): Promise<void> {
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

  /** The windows here take the changes the threads applied before batch `seq`. */
  #takeChanges(seq: number): void {
    while (this.#changes.length > 0 && this.#changes[0]!.from <= seq) {
      const c = this.#changes.shift()!;
      this.#engine.apply(c.objects, c.now);
    }
  }

  /** Store work between batches: indicator changes in, finished sighting windows out. */
  #upkeep(): Promise<void> {
    this.#busy = this.#busy.then(async () => {
      const pool = this.#pool;
      if (pool) {
        const objects = await this.#engine.changesIn(this.#store);
        const now = this.#wall();
        this.#changes.push({ from: pool.change(objects, now), objects, now });
      } else {
        await this.#engine.refresh(this.#store);
      }
      // Relationships change too (a new attribution): look them up afresh.
      this.#attribution.clear();
      await this.#recorder.flush(this.#latest - this.#windowSeconds);
      this.#lastRefresh = performance.now();
    });
    return this.#busy;
  }
}

export type SessionOptions = Omit<DetectRunOptions, 'inputs' | 'read' | 'onProgress' | 'threads'> & {
  /** Threads that decode and match (default 1: the main thread alone). */
  threads?: number;
};

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
