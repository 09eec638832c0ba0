// Patterns over several events (AND, OR, FOLLOWEDBY, WITHIN, REPEATS, START/STOP) evaluated over event time.
//
// Each such indicator keeps the recent events that matched any of its observations. When another arrives,
// the pattern matcher's own search runs over them, and the indicator is detected if some satisfying set of
// events includes the new one. Events older than the pattern's WITHIN horizon can never complete a match and
// are dropped; a pattern without a horizon keeps at most `maxPartial` events, dropping the oldest (counted).
import { PatternMatchLimitError } from '../pattern/errors.ts';
import type { Observation } from '../pattern/matcher/observations.ts';
import { Search } from '../pattern/matcher/search.ts';
import type { ActiveIndicator } from './active-indicator.ts';
import { horizonOf } from './active-indicator.ts';
import type { TelemetryEvent } from './event.ts';
import { observationOf } from './index/pattern-index.ts';

interface Pending {
  event: TelemetryEvent;
  observation: Observation;
}

export interface WindowOptions {
  /** Events kept per indicator when its pattern has no WITHIN bound (default 1000). */
  maxPartial?: number;
  /** Events kept by all indicators together; past it the oldest of each are dropped (default 100,000). */
  maxPartialTotal?: number;
  /** Search steps per evaluation before giving up on it (default 100,000). */
  maxSteps?: number;
}

export class ObservationWindow {
  private readonly pending: Pending[] = [];
  private readonly horizon: number;
  private next = 0;

  constructor(readonly indicator: ActiveIndicator, private readonly options: Required<WindowOptions>, private readonly counters: WindowCounters) {
    this.horizon = horizonOf(indicator.ast!);
  }

  get size(): number {
    return this.pending.length;
  }

  /** The events completing a match together with `event`, or undefined. */
  offer(event: TelemetryEvent): TelemetryEvent[] | undefined {
    const entry = { event, observation: observationOf(event, String(this.next++)) };
    // Keep time order (the search expects it); telemetry mostly arrives in order, so this is an append.
    let at = this.pending.length;
    while (at > 0 && this.pending[at - 1]!.event.time > event.time) at--;
    this.pending.splice(at, 0, entry);
    this.expire(event.time);
    const observations = this.pending.map((p) => p.observation);
    const id = entry.observation.id;
    try {
      const search = new Search(observations, this.options.maxSteps);
      for (const binding of search.solutions(this.indicator.ast!)) {
        const ids = binding.observations.map((i) => observations[i]!);
        if (ids.some((o) => o.id === id)) return ids.map((o) => this.pending.find((p) => p.observation === o)!.event);
      }
    } catch (err) {
      if (!(err instanceof PatternMatchLimitError)) throw err;
      this.counters.searchesCut++;
    }
    return undefined;
  }

  /** Drops up to `n` of the oldest events held (a flood across many patterns); returns how many. */
  dropOldest(n: number): number {
    const k = Math.min(n, this.pending.length);
    if (k > 0) {
      this.pending.splice(0, k);
      this.counters.dropped += k;
    }
    return k;
  }

  /** Drops what can no longer take part in a match: out of the horizon, or over the cap (counted). */
  expire(now: number): void {
    if (this.horizon !== Infinity) {
      let drop = 0;
      while (drop < this.pending.length && this.pending[drop]!.event.time < now - this.horizon) drop++;
      if (drop > 0) {
        this.pending.splice(0, drop);
        this.counters.expired += drop;
      }
    }
    const over = this.pending.length - this.options.maxPartial;
    if (over > 0) {
      this.pending.splice(0, over);
      this.counters.dropped += over;
    }
  }
}

export interface WindowCounters {
  /** Partial matches that left their WITHIN window. */
  expired: number;
  /** Partial matches dropped because an unbounded pattern held too many (a flood). */
  dropped: number;
  /** Evaluations abandoned at the search step limit. */
  searchesCut: number;
}
