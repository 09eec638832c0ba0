// Test helper: reads fixture inputs through the telemetry reader into a flat list of events.
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import type { TelemetryEvent } from '../../src/detect/event.ts';
import { expandTelemetry } from '../../src/detect/input/telemetry-inputs.ts';
import { newReadStats, readTelemetry, type ReadOptions, type ReadStats } from '../../src/detect/telemetry-reader.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/detect/', import.meta.url));

export async function readAll(paths: string[], options: ReadOptions = {}, stdin?: string | Buffer): Promise<{ events: TelemetryEvent[]; stats: ReadStats }> {
  const stats = newReadStats();
  const events: TelemetryEvent[] = [];
  const input = stdin === undefined ? undefined : Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : stdin]);
  for await (const batch of readTelemetry(expandTelemetry(paths, input), options, stats)) events.push(...batch);
  return { events, stats };
}

export function ofType(e: TelemetryEvent, type: string): Record<string, unknown>[] {
  return e.objects.filter((o) => o.type === type);
}
