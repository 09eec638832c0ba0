// Slows password and token guessing: after too many failures for one subject from one client, refuse for a while.

export interface ThrottleLimits {
  failures: number;
  windowMs: number;
}

const DEFAULT_LIMITS: ThrottleLimits = { failures: 10, windowMs: 15 * 60_000 };
/** Subjects tracked at most; the oldest are forgotten first, so a flood of names cannot exhaust memory. */
const MAX_KEYS = 10_000;

interface Record {
  count: number;
  since: number;
}

export class FailureThrottle {
  readonly #failures = new Map<string, Record>();

  constructor(private readonly limits: ThrottleLimits = DEFAULT_LIMITS, private readonly now: () => number = Date.now) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const record = this.#current(key);
    if (!record || record.count < this.limits.failures) return 0;
    return Math.ceil((record.since + this.limits.windowMs - this.now()) / 1000);
  }

  fail(key: string): void {
    const record = this.#current(key) ?? { count: 0, since: this.now() };
    record.count++;
    this.#failures.delete(key);
    if (this.#failures.size >= MAX_KEYS) this.#failures.delete(this.#failures.keys().next().value!);
    this.#failures.set(key, record);
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }

  #current(key: string): Record | undefined {
    const record = this.#failures.get(key);
    if (record && this.now() - record.since >= this.limits.windowMs) {
      this.#failures.delete(key);
      return undefined;
    }
    return record;
  }
}
