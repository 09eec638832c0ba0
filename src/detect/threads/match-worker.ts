// A match worker's thread: decodes batches of lines and matches their events against its own copy of the index.
import { parentPort } from 'node:worker_threads';
import { MalformedRecordError } from '../adapters/malformed-record-error.ts';
import type { LineDecoder } from '../adapters/line-decoder.ts';
import { lineDecoder } from '../adapters/telemetry-format.ts';
import { DetectionEngine, type IndicatorLoader } from '../engine.ts';
import type { TelemetryEvent } from '../event.ts';
import type { BatchResult, DecoderSpec, EventHits, FromWorker, ToWorker } from './match-protocol.ts';

/** Decoders kept between batches (inputs followed together take turns); older ones are made again if needed. */
const KEPT_DECODERS = 64;

const port = parentPort!;
// The main thread's clock, as of its last message: every copy of the index judges validity at the same instant.
let clock = Date.now();
const engine = new DetectionEngine({ now: () => clock });
let loader: IndicatorLoader | undefined;
const decoders = new Map<number, { version: number; decoder: LineDecoder }>();

const send = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  switch (message.op) {
    case 'indicators':
      clock = message.now;
      loader ??= engine.loader();
      for (const json of message.json) loader.push(JSON.parse(json) as Record<string, unknown>);
      break;
    case 'loaded':
      send({ op: 'loaded', report: (loader ?? engine.loader()).finish(), several: engine.severalObservations() });
      loader = undefined;
      break;
    case 'lines':
      send(decodeAndMatch(message.seq, message.decoder, message.texts, message.lines));
      break;
    case 'events':
      send(match(message.seq, message.events));
      break;
    case 'changes':
      clock = message.now;
      engine.apply(message.objects, message.now);
      break;
    case 'stats':
      send({ op: 'stats', stats: engine.indexStats() });
      break;
  }
});

function decodeAndMatch(seq: number, spec: DecoderSpec, texts: string[], numbers: Float64Array): BatchResult {
  const decoder = decoderFor(spec);
  const result: BatchResult = { op: 'result', seq, events: 0, latest: -Infinity, malformed: [], hits: [] };
  for (let i = 0; i < texts.length; i++) {
    const line = numbers[i]!;
    let event: TelemetryEvent | null = null;
    try {
      event = decoder.decode(texts[i]!, line);
    } catch (err) {
      if (!(err instanceof MalformedRecordError)) throw err;
      result.malformed.push([line, err.message]);
    }
    if (event !== null) matchOne(event, result);
  }
  return result;
}

function match(seq: number, events: TelemetryEvent[]): BatchResult {
  const result: BatchResult = { op: 'result', seq, events: 0, latest: -Infinity, malformed: [], hits: [] };
  for (const event of events) matchOne(event, result);
  return result;
}

function matchOne(event: TelemetryEvent, result: BatchResult): void {
  result.events++;
  if (event.time > result.latest) result.latest = event.time;
  const hits = engine.scan(event);
  if (hits.length > 0) result.hits.push({ event, hits } satisfies EventHits);
}

function decoderFor(spec: DecoderSpec): LineDecoder {
  const kept = decoders.get(spec.input);
  if (kept && kept.version === spec.version) return kept.decoder;
  const decoder = lineDecoder(spec.format, spec.source, spec.firstLine, spec.mapping);
  if (spec.headers) decoder.resumeHeaders?.(spec.headers);
  decoders.delete(spec.input);
  decoders.set(spec.input, { version: spec.version, decoder });
  if (decoders.size > KEPT_DECODERS) decoders.delete(decoders.keys().next().value!);
  return decoder;
}
