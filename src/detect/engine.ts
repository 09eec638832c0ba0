// The detection engine: watches every indicator in force, matches events through the index, and follows changes.
import type { Pattern } from '../pattern/ast.ts';
import type { Store } from '../store/store.ts';
import { activeIndicator, isInForce, type ActiveIndicator, type Inactive } from './active-indicator.ts';
import type { TelemetryEvent } from './event.ts';
import type { Leaf } from './index/leaf.ts';
import { PatternIndex, type Leaves } from './index/pattern-index.ts';
import { ObservationWindow, type WindowCounters, type WindowOptions } from './observation-window.ts';

/** One indicator found in the telemetry. */
export interface Detection {
  indicator: ActiveIndicator;
  /** The events that together satisfy the pattern, in time order; the one that completed it is `trigger`. */
  events: TelemetryEvent[];
  trigger: TelemetryEvent;
}

export interface EngineOptions extends WindowOptions {
  /** The wall clock deciding which indicators are in force (valid_from ≤ now < valid_until). */
  now?: () => number;
  /**
   * Watch only the patterns over several observations: the main thread of a threaded run keeps their windows,
   * while the worker threads, watching everything, tell it which events hit them.
   */
  only?: 'several-observations';
}

/**
 * What an event hit in the index, in the index's order: an indicator it detects by itself, or the window of a
 * pattern over several observations (by indicator id) that must see it.
 */
export type Hit = { indicator: ActiveIndicator } | { window: string };

export interface LoadReport {
  /** Indicators watched. */
  active: number;
  /** Indicators not watched, by reason (not yet or no longer valid counts as `not-in-force`). */
  skipped: Partial<Record<Inactive | 'not-in-force', number>>;
  /** Milliseconds spent reading indicators (from the store, when loading from it), parsing patterns and building the index. */
  buildMs: number;
}

/** Indicators pushed one by one (a worker thread gets them message by message), indexed in chunks. */
export interface IndicatorLoader {
  push(o: Record<string, unknown>): void;
  finish(): LoadReport;
}

/** A copy's patterns over several observations: those watched, and those whose valid_from is still ahead. */
export interface SeveralObservations {
  watched: ActiveIndicator[];
  future: ActiveIndicator[];
}

/** A watched indicator's leaves (see Leaves). */
type Watched = Leaves;

const leavesOf = (w: Watched): Leaf[] => (Array.isArray(w) ? w : [w]);
const indicatorOf = (w: Watched): ActiveIndicator => (Array.isArray(w) ? w[0]! : w).indicator;

const PAGE = 2000;
const NO_HITS: readonly Hit[] = [];
const LOAD_CHUNK = 1000;

export class DetectionEngine {
  private index = new PatternIndex();
  private readonly watched = new Map<string, Watched>();
  /** Cross-event state of the watched patterns over several observations. */
  private readonly windows = new Map<string, ObservationWindow>();
  /** Valid indicators whose valid_from is still ahead, by id: they join when the clock reaches it. */
  private readonly future = new Map<string, { indicator: ActiveIndicator; parsed: Pattern }>();
  private retiredLeaves = 0;
  /** Events held by all windows (kept up to date on offers; recounted when shedding). */
  private partialTotal = 0;
  private lastAdded: string | undefined;
  private readonly now: () => number;
  private readonly severalOnly: boolean;
  private readonly windowOptions: Required<WindowOptions>;
  readonly windowCounters: WindowCounters = { expired: 0, dropped: 0, searchesCut: 0 };

  constructor(options: EngineOptions = {}) {
    this.now = options.now ?? Date.now;
    this.severalOnly = options.only === 'several-observations';
    this.windowOptions = {
      maxPartial: options.maxPartial ?? 1000,
      maxPartialTotal: options.maxPartialTotal ?? 100_000,
      maxSteps: options.maxSteps ?? 100_000,
    };
  }

  /** Loads every indicator from STIX objects (tests, benchmarks, and the store loader). */
  load(objects: Iterable<Record<string, unknown>>): LoadReport {
    const loader = this.loader();
    for (const o of objects) loader.push(o);
    return loader.finish();
  }

  /** Loads the store's indicators (latest versions), page by page, and remembers how far it has read. */
  async loadFrom(store: Store): Promise<LoadReport> {
    const loader = this.loader();
    for await (const page of this.pagesFrom(store)) for (const json of page) loader.push(JSON.parse(json) as Record<string, unknown>);
    return loader.finish();
  }

  /** Indexes indicators as they come, in chunks, so a million parsed patterns are never all held at once. */
  loader(): IndicatorLoader {
    const started = performance.now();
    const report: LoadReport = { active: 0, skipped: {}, buildMs: 0 };
    let chunk: { indicator: ActiveIndicator; parsed: Pattern }[] = [];
    const flush = (): void => {
      const leaves = this.index.addAll(chunk);
      chunk.forEach((f, i) => this.watch(f.indicator, leaves[i]!));
      report.active += chunk.length;
      chunk = [];
    };
    return {
      push: (o) => {
        const r = this.admit(o, report, this.now());
        if (r) chunk.push(r);
        if (chunk.length >= LOAD_CHUNK) flush();
      },
      finish: () => {
        flush();
        report.buildMs = performance.now() - started;
        return report;
      },
    };
  }

  /** The patterns over several observations this engine watches or waits for (their `ast` is the parsed pattern). */
  severalObservations(): SeveralObservations {
    const watched: ActiveIndicator[] = [];
    for (const w of this.watched.values()) {
      const indicator = indicatorOf(w);
      if (indicator.ast) watched.push(indicator);
    }
    const future = [...this.future.values()].filter((f) => f.indicator.ast).map((f) => f.indicator);
    return { watched, future };
  }

  /**
   * Takes on another engine's patterns over several observations, as that engine judged them: the main
   * thread of a threaded run gets them from a worker's copy rather than reading every pattern itself again.
   */
  adopt(several: SeveralObservations): void {
    const leaves = this.index.addAll(several.watched.map((indicator) => ({ indicator, parsed: indicator.ast! })));
    several.watched.forEach((indicator, i) => this.watch(indicator, leaves[i]!));
    for (const indicator of several.future) this.future.set(indicator.id, { indicator, parsed: indicator.ast! });
  }

  /**
   * Applies what was added to the store since the last look (new, changed, revoked indicators) and what the
   * clock changed (indicators coming into force or expiring). Returns how many indicators changed.
   */
  async refresh(store: Store): Promise<number> {
    const changes = await this.changesIn(store);
    return this.apply(changes, this.now());
  }

  /** The indicator versions added to the store since the last look; the next look starts after them. */
  async changesIn(store: Store): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    for await (const page of this.pagesFrom(store, this.lastAdded)) for (const json of page) out.push(JSON.parse(json) as Record<string, unknown>);
    return out;
  }

  /**
   * Applies changed indicator versions, then moves indicators in and out of force as of `now` (given, so that
   * every copy of a threaded run changes alike). Returns how many indicators changed.
   */
  apply(changes: readonly Record<string, unknown>[], now: number): number {
    let changed = 0;
    const report: LoadReport = { active: 0, skipped: {}, buildMs: 0 };
    for (const o of changes) {
      const id = o.id as string;
      const current = this.watched.get(id);
      if (current && typeof o.modified === 'string' && Date.parse(o.modified) < indicatorOf(current).modified) continue;
      if (current) this.unwatch(current);
      this.future.delete(id);
      const r = this.admit(o, report, now);
      if (r) this.watch(r.indicator, this.index.add(r.indicator, r.parsed));
      changed++;
    }
    changed += this.tick(now);
    if (this.retiredLeaves > 1000 && this.retiredLeaves > this.leafCount() / 4) this.rebuild();
    return changed;
  }

  /** Detections the event completes. */
  process(event: TelemetryEvent): Detection[] {
    const hits = this.scan(event);
    return hits.length === 0 ? [] : this.complete(event, hits);
  }

  /** What the event hits in the index: the half of `process` a worker thread does. */
  scan(event: TelemetryEvent): readonly Hit[] {
    const matches = this.index.match(event);
    if (matches.length === 0) return NO_HITS;
    const hits: Hit[] = [];
    let offered: Set<string> | undefined;
    for (const { leaf } of matches) {
      const indicator = leaf.indicator;
      if (indicator.ast === undefined) {
        hits.push({ indicator });
        continue;
      }
      // A pattern with several observations sees the event once, however many of them it matched.
      offered ??= new Set();
      if (offered.has(indicator.id)) continue;
      offered.add(indicator.id);
      hits.push({ window: indicator.id });
    }
    return hits;
  }

  /** The detections of an event's hits, in their order; windows of patterns over several observations see it. */
  complete(event: TelemetryEvent, hits: readonly Hit[]): Detection[] {
    const out: Detection[] = [];
    for (const hit of hits) {
      if ('indicator' in hit) {
        out.push({ indicator: hit.indicator, events: [event], trigger: event });
        continue;
      }
      const window = this.windows.get(hit.window);
      if (!window) continue;
      const before = window.size;
      const events = window.offer(event);
      this.partialTotal += window.size - before;
      if (events) out.push({ indicator: window.indicator, events, trigger: event });
    }
    if (this.partialTotal > this.windowOptions.maxPartialTotal) this.shed();
    return out;
  }

  /**
   * Keeps memory bounded when many patterns hold partial matches at once: drops the oldest event of every
   * window, round after round, until a tenth of the budget is free again (counted as dropped).
   */
  private shed(): void {
    const target = Math.floor(this.windowOptions.maxPartialTotal * 0.9);
    let total = 0;
    for (const w of this.windows.values()) total += w.size;
    while (total > target) {
      let dropped = 0;
      for (const w of this.windows.values()) {
        if (total - dropped <= target) break;
        dropped += w.dropOldest(1);
      }
      if (dropped === 0) break;
      total -= dropped;
    }
    this.partialTotal = total;
  }

  get activeCount(): number {
    return this.watched.size;
  }

  /** Events held by patterns over several observations, waiting for the rest of a match. */
  get partialMatches(): number {
    let n = 0;
    for (const w of this.windows.values()) n += w.size;
    return n;
  }

  indexStats(): { paths: number; entries: number; candidates: number; confirmed: number } {
    return { ...this.index.stats(), candidates: this.index.candidates, confirmed: this.index.confirmed };
  }

  private admit(o: Record<string, unknown>, report: LoadReport, now: number): { indicator: ActiveIndicator; parsed: Pattern } | undefined {
    const r = activeIndicator(o);
    if ('inactive' in r) {
      if (r.inactive !== 'not-an-indicator') report.skipped[r.inactive] = (report.skipped[r.inactive] ?? 0) + 1;
      return undefined;
    }
    if (this.severalOnly && r.indicator.ast === undefined) return undefined;
    if (!isInForce(r.indicator, now)) {
      report.skipped['not-in-force'] = (report.skipped['not-in-force'] ?? 0) + 1;
      if (r.indicator.validFrom > now) this.future.set(r.indicator.id, r);
      return undefined;
    }
    return r;
  }

  private watch(indicator: ActiveIndicator, leaves: Leaves): void {
    if (indicator.ast) this.windows.set(indicator.id, new ObservationWindow(indicator, this.windowOptions, this.windowCounters));
    this.watched.set(indicator.id, leaves);
  }

  private unwatch(w: Watched): void {
    const leaves = leavesOf(w);
    for (const leaf of leaves) leaf.retired = true;
    this.retiredLeaves += leaves.length;
    const id = indicatorOf(w).id;
    this.watched.delete(id);
    this.windows.delete(id);
  }

  /** Moves indicators in and out of force as the clock passes their valid_from and valid_until. */
  private tick(now: number): number {
    let changed = 0;
    for (const w of [...this.watched.values()]) {
      if (!isInForce(indicatorOf(w), now)) {
        this.unwatch(w);
        changed++;
      }
    }
    for (const [id, f] of [...this.future]) {
      if (f.indicator.validFrom <= now) {
        this.future.delete(id);
        if (isInForce(f.indicator, now)) {
          this.watch(f.indicator, this.index.add(f.indicator, f.parsed));
          changed++;
        }
      }
    }
    return changed;
  }

  private leafCount(): number {
    let n = 0;
    for (const w of this.watched.values()) n += Array.isArray(w) ? w.length : 1;
    return n;
  }

  /** A fresh index without retired entries; windows of unchanged indicators keep their partial matches. */
  private rebuild(): void {
    const indicators = [...this.watched.values()].map(indicatorOf);
    this.index = new PatternIndex();
    const leaves = this.index.addAll(indicators.map((indicator) => ({ indicator, parsed: indicator.ast ?? reparse(indicator) })));
    indicators.forEach((indicator, i) => this.watched.set(indicator.id, leaves[i]!));
    this.retiredLeaves = 0;
  }

  /** The JSON of the store's latest indicator versions (added after `addedAfter`), a page at a time; remembers how far it read. */
  async *pagesFrom(store: Store, addedAfter?: string): AsyncGenerator<string[]> {
    let cursor: string | undefined;
    do {
      const page = await store.latestJson({
        types: ['indicator'], limit: PAGE, ...(addedAfter ? { addedAfter } : {}), ...(cursor ? { cursor } : {}),
      });
      yield page.json;
      if (page.lastAdded !== null && (this.lastAdded === undefined || page.lastAdded > this.lastAdded)) this.lastAdded = page.lastAdded;
      cursor = page.next ?? undefined;
    } while (cursor);
  }
}

function reparse(indicator: ActiveIndicator): Pattern {
  const r = activeIndicator({ type: 'indicator', id: indicator.id, pattern: indicator.pattern, pattern_type: 'stix' });
  if ('inactive' in r) throw new TypeError(`indicator ${indicator.id} was watched with a pattern that no longer parses`);
  return r.parsed;
}
