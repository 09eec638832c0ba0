// POST /api/telemetry: a log shipper's batch of events, matched by the hub's own detection engine into sightings.
import { pipeline, Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyPluginAsync } from 'fastify';
import { DetectionSession } from '../detect/detect-run.ts';
import { FORMATS, type TelemetryFormat } from '../detect/adapters/telemetry-format.ts';
import { gzipChecked, TelemetryInputError, type TelemetryInput } from '../detect/input/telemetry-inputs.ts';
import type { WebApiContext } from './context.ts';
import { WebApiError } from './errors.ts';
import { publishingCollection, readerOf } from './signed-in.ts';

/** A batch as sent, compressed or not. */
const MAX_BATCH_BYTES = 64 * 1024 * 1024;
/** A gzip'd batch may not expand past this: a small bomb must not keep the engine busy for hours. */
const MAX_EXPANDED_BYTES = 512 * 1024 * 1024;
/** Malformed lines listed in the answer (all are counted). */
const LISTED_MALFORMED = 100;

export const telemetryPlugin: FastifyPluginAsync<{ ctx: WebApiContext }> = async (app, { ctx }) => {
  // Log lines are not JSON documents: take every body as bytes, whatever its content type says.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BATCH_BYTES }, (_request, body, done) => done(null, body));
  // The engine is loaded once, on the first batch, and then follows indicator changes in the store.
  let session: Promise<DetectionSession> | null = null;
  app.addHook('onClose', async () => {
    if (session) await (await session).close();
  });

  app.post('/api/telemetry', async (request) => {
    const reader = readerOf(request);
    await publishingCollection(ctx, reader.account, 'send telemetry');
    const format = formatOf((request.query as { format?: unknown }).format);
    const body = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0) throw new WebApiError('bad-request', 'send the log lines (plain or gzip) as the request body');
    if (!session) {
      const opening = DetectionSession.open({ store: ctx.store, threads: ctx.detectThreads });
      session = opening;
      // A failed load is not remembered: the next batch tries again.
      opening.catch(() => { if (session === opening) session = null; });
    }
    const detection = await session;
    const name = `${reader.account.id}:batch`;
    const input: TelemetryInput = { name, size: body.length, inDirectory: false, open: () => expand(name, body) };
    let figures;
    try {
      figures = await detection.consume([input], format ? { format } : {});
    } catch (err) {
      if (err instanceof TelemetryInputError) throw new WebApiError('bad-request', err.reason);
      throw err;
    }
    // The shipper is answered once the sightings its batch caused are stored.
    await detection.flush();
    return {
      records: figures.records,
      events: figures.events,
      malformed: figures.malformed,
      malformedLines: figures.malformedLines.slice(0, LISTED_MALFORMED),
      matches: figures.matches,
      sightings: figures.sightings,
      byIndicator: figures.byIndicator,
    };
  });
};

function formatOf(value: unknown): TelemetryFormat | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (FORMATS as readonly string[]).includes(value)) return value as TelemetryFormat;
  throw new WebApiError('bad-request', `format must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(value)}`);
}

function expand(name: string, body: Buffer): AsyncIterable<Buffer> {
  if (body[0] !== 0x1f || body[1] !== 0x8b) return Readable.from([body]);
  let expanded = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      expanded += chunk.length;
      if (expanded > MAX_EXPANDED_BYTES) done(new WebApiError('bad-request', `the batch expands past ${MAX_EXPANDED_BYTES / 1048576} MiB; send smaller batches`));
      else done(null, chunk);
    },
  });
  // pipeline, not pipe: a corrupt stream must end the batch with its error, not leave the reader waiting.
  pipeline(Readable.from([body]), createGunzip(), cap, () => {});
  return gzipChecked(name, cap);
}
