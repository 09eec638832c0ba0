// Where alerts go: JSON lines to a stream (stdout or a file), and webhook POSTs.

import type { Alert } from './alert.ts';

export interface AlertSink {
  send(alert: Alert): void;
  /** Waits for what is in flight. */
  close(): Promise<void>;
}

export interface Writable {
  write(chunk: string): unknown;
}

export function jsonLinesSink(out: Writable): AlertSink {
  return {
    send: (alert) => { out.write(`${JSON.stringify(alert)}\n`); },
    close: async () => {},
  };
}

export interface WebhookStats {
  sent: number;
  failed: number;
  /** The last failure, for the summary. */
  lastError: string | null;
}

/**
 * POSTs each alert as JSON, one request at a time in order, so a slow receiver slows alerts rather than
 * piling up requests; a failure (or no answer within `timeoutMs`) is counted, not fatal. At most `maxQueue`
 * alerts wait (older ones are kept, newer ones counted as failed).
 */
export function webhookSink(url: string, stats: WebhookStats, maxQueue = 10_000, timeoutMs = 10_000): AlertSink {
  const queue: Alert[] = [];
  let running: Promise<void> | undefined;
  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const alert = queue.shift()!;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(alert),
          // A receiver that never answers must not hold the run open at its end.
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.arrayBuffer();
        if (res.ok) stats.sent++;
        else {
          stats.failed++;
          stats.lastError = `HTTP ${res.status}`;
        }
      } catch (err) {
        stats.failed++;
        stats.lastError = (err as Error).message;
      }
    }
    running = undefined;
  };
  return {
    send(alert) {
      if (queue.length >= maxQueue) {
        stats.failed++;
        stats.lastError = 'queue full';
        return;
      }
      queue.push(alert);
      running ??= drain();
    },
    async close() {
      while (running) await running;
    },
  };
}
