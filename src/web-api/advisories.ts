// Advisories from the UI: list the reports to compose from, render in each format, publish to partners.
import type { FastifyPluginAsync } from 'fastify';
import {
  ADVISORY_FORMATS, composeAdvisory, EmptySelectionError, IdentityNotFoundError, MEDIA_TYPES, NotAReportError, publishAdvisory,
  renderAdvisory, ReportNotFoundError, ReportRevokedError, TlpCeilingError, type Advisory, type AdvisoryFormat,
} from '../advisory/index.ts';
import { TLP_LEVELS, type TlpLevel } from '../stix/tlp.ts';
import type { WebApiContext } from './context.ts';
import { WebApiError } from './errors.ts';
import type { Reader } from './reader.ts';
import { publishingCollection, readerOf } from './signed-in.ts';
import { summarize } from './summary.ts';

const PREVIEW_INDICATORS = 20;

interface AdvisoryRequest {
  report?: unknown;
  objects?: unknown;
  tlp?: unknown;
  title?: unknown;
  follow?: unknown;
  format?: unknown;
}

export const advisoriesPlugin: FastifyPluginAsync<{ ctx: WebApiContext }> = async (app, { ctx }) => {
  app.get('/api/advisories/reports', async (request) => {
    const reports = await readerOf(request).all({ types: ['report'], versions: 'latest', includeRevoked: false });
    return {
      reports: reports.map((v) => {
        const o = JSON.parse(v.json) as Record<string, unknown>;
        return { ...summarize(v, o), published: typeof o.published === 'string' ? o.published : null, objects: Array.isArray(o.object_refs) ? o.object_refs.length : 0 };
      }).sort((a, b) => String(b.published).localeCompare(String(a.published))),
    };
  });

  /** `format` html|md|stix|csv answers the document itself; json (the default) the advisory's parts for a preview. */
  app.post('/api/advisories/render', async (request, reply) => {
    const body = (request.body ?? {}) as AdvisoryRequest;
    const format = body.format === undefined ? 'json' : body.format;
    if (format !== 'json' && !(ADVISORY_FORMATS as readonly unknown[]).includes(format)) {
      throw new WebApiError('bad-request', `format must be json or one of ${ADVISORY_FORMATS.join(', ')}`);
    }
    const advisory = await composeRecent(readerOf(request), body, ctx.now());
    if (format === 'json') return preview(advisory);
    const text = renderAdvisory(advisory, format as AdvisoryFormat);
    const extension = format === 'stix' ? 'json' : format;
    return reply
      .header('content-type', MEDIA_TYPES[format as AdvisoryFormat])
      .header('content-disposition', `attachment; filename="${fileName(advisory.title)}.${extension}"`)
      // The HTML is the advisory itself, meant to be viewed and printed; it must not run anything.
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
      .send(text);
  });

  app.post('/api/advisories/publish', async (request, reply) => {
    const reader = readerOf(request);
    const collection = await publishingCollection(ctx, reader.account, 'publish');
    const advisory = await compose(reader, (request.body ?? {}) as AdvisoryRequest);
    try {
      const result = await publishAdvisory(ctx.store, advisory, { collection: collection.id, now: new Date(ctx.now()) });
      return reply.code(201).send({
        outcome: result.outcome, report: result.report.id, derivedFrom: result.derivedFrom, tlp: advisory.tlp,
        collection: { apiRoot: collection.apiRoot, id: collection.id, alias: collection.alias ?? null },
      });
    } catch (err) {
      if (err instanceof ReportRevokedError || err instanceof IdentityNotFoundError) throw new WebApiError('bad-request', err.message);
      throw err;
    }
  });
};

// The page asks for the preview and then the HTML of the same advisory; composing a large one takes a second or two.
const RECENT_MS = 30_000;
const recent = new Map<string, { at: number; advisory: Promise<Advisory> }>();

/** The same reader asking for the same advisory within seconds gets the one just composed. */
function composeRecent(reader: Reader, body: AdvisoryRequest, now: number): Promise<Advisory> {
  const { format: _format, ...scope } = body;
  const key = `${reader.key}|${JSON.stringify(scope)}`;
  const hit = recent.get(key);
  if (hit && now - hit.at < RECENT_MS) return hit.advisory;
  for (const [k, v] of recent) if (now - v.at >= RECENT_MS) recent.delete(k);
  const advisory = compose(reader, body);
  recent.set(key, { at: now, advisory });
  advisory.catch(() => recent.delete(key));
  return advisory;
}

async function compose(reader: Reader, body: AdvisoryRequest): Promise<Advisory> {
  const tlp = body.tlp === undefined || body.tlp === null || body.tlp === '' ? undefined : body.tlp;
  if (tlp !== undefined && !(TLP_LEVELS as readonly unknown[]).includes(tlp)) throw new WebApiError('bad-request', `tlp must be one of ${TLP_LEVELS.join(', ')}`);
  const from = typeof body.report === 'string' && body.report !== ''
    ? body.report
    : Array.isArray(body.objects) && body.objects.every((o) => typeof o === 'string') ? body.objects as string[] : null;
  if (from === null) throw new WebApiError('bad-request', 'give a report id, or a list of object ids');
  try {
    return await composeAdvisory(reader.store, from, {
      visibility: reader.visibility,
      ...(tlp ? { tlp: tlp as TlpLevel } : {}),
      ...(typeof body.title === 'string' && body.title.trim() !== '' ? { title: body.title.trim() } : {}),
      follow: body.follow !== false,
    });
  } catch (err) {
    if (err instanceof ReportNotFoundError) throw new WebApiError('not-found', `no report ${err.id}`);
    if (err instanceof NotAReportError || err instanceof EmptySelectionError || err instanceof TlpCeilingError) throw new WebApiError('bad-request', err.message);
    throw err;
  }
}

/** What the page shows before a download: the advisory's parts, without the raw STIX and with a sample of indicators. */
function preview(advisory: Advisory): Omit<Advisory, 'report' | 'objects' | 'context'> & { objectCount: number; indicatorCount: number } {
  const { report: _report, objects, context: _context, indicators, ...rest } = advisory;
  return { ...rest, indicators: indicators.slice(0, PREVIEW_INDICATORS), indicatorCount: indicators.length, objectCount: objects.length };
}

function fileName(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'advisory';
}
