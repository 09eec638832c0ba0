// Pushes objects to a remote collection in envelopes that fit its max_content_length, following each status.
import { TaxiiClient, type StatusResource } from './taxii-client.ts';

export interface PushSummary {
  sent: number;
  succeeded: number;
  failed: { id: string; message?: string }[];
  requests: number;
}

export interface PushOptions {
  onBatch?: (summary: PushSummary) => void;
  /** Poll interval for pending status resources, in milliseconds. */
  pollMs?: number;
}

/** `objects` are JSON texts; envelopes stay below the API root's max_content_length (with room for the wrapper). */
export async function pushObjects(client: TaxiiClient, objects: AsyncIterable<string> | Iterable<string>, options: PushOptions = {}): Promise<PushSummary> {
  const { max_content_length: max } = await client.apiRoot();
  const budget = Math.max(1024, max - 64);
  const summary: PushSummary = { sent: 0, succeeded: 0, failed: [], requests: 0 };
  let batch: string[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const status = await settle(client, await client.addObjects(batch), options.pollMs ?? 1000);
    summary.requests++;
    summary.sent += batch.length;
    summary.succeeded += status.success_count;
    for (const failure of status.failures ?? []) summary.failed.push(failure.message ? { id: failure.id, message: failure.message } : { id: failure.id });
    batch = [];
    bytes = 0;
    options.onBatch?.(summary);
  };
  for await (const json of objects) {
    const size = Buffer.byteLength(json) + 1;
    if (bytes + size > budget) await flush();
    batch.push(json);
    bytes += size;
  }
  await flush();
  return summary;
}

async function settle(client: TaxiiClient, status: StatusResource, pollMs: number): Promise<StatusResource> {
  let current = status;
  while (current.status === 'pending') {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    current = await client.status(current.id);
  }
  return current;
}
