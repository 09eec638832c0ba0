// GET and POST {api-root}/collections/{id}/objects/ (TAXII 2.1 §5.4, §5.5): page through visible objects, or add objects.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { ApiRootOptions, HubContext } from '../context.ts';
import { COLLECTION_FILTERS, parseFilters } from '../filters.ts';
import { dateAddedHeaders, pagingMembers, scoped } from '../scope.ts';
import { sendTaxii } from '../send.ts';
import { refuseOtherMethods } from '../method-not-allowed.ts';
import { TaxiiError } from '../../errors.ts';
import { acceptObjects, succeeded, type ObjectOutcome } from '../../accept-objects.ts';
import { formatMicros } from '../../../store/version-key.ts';

export const objectsPlugin: FastifyPluginAsync<ApiRootOptions & { ctx: HubContext }> = async (app, { root, ctx }) => {
  app.get('/collections/:collectionId/objects/', { config: { need: 'read' } }, async (request, reply) => {
    const filters = parseFilters(request.query as Record<string, unknown>, COLLECTION_FILTERS, ctx.config.maxPageSize);
    const page = await ctx.store.query(scoped(request.collectionAccess!, filters, ctx.now()));
    dateAddedHeaders(reply, page.versions);
    const objects = page.versions.length > 0 ? `,"objects":[${page.versions.map((v) => v.json).join(',')}]` : '';
    return sendTaxii(reply, 200, `{${pagingMembers(page)}${objects}}`);
  });

  app.post('/collections/:collectionId/objects/', { config: { need: 'write' }, bodyLimit: root.maxContentLength }, async (request, reply) => {
    const requested = formatMicros(ctx.now() * 1000);
    const envelope = parseEnvelope(request.body);
    const account = request.account!;
    const outcomes = await acceptObjects(ctx.store, envelope, {
      collection: request.collectionAccess!.collection.id,
      suppliedBy: { account: account.id, org: account.org },
    });
    const status = statusResource(randomUUID(), requested, outcomes);
    const json = JSON.stringify(status);
    await ctx.access.putStatus({ id: status.id, apiRoot: root.path, account: account.id, json });
    return sendTaxii(reply, 202, json);
  });
  refuseOtherMethods(app, '/collections/:collectionId/objects/', ['GET', 'POST']);
};

/** §5.5: the body is an envelope whose `objects` lists what to add. */
function parseEnvelope(body: unknown): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === 'string' ? body : '');
  } catch (err) {
    throw new TaxiiError('unprocessable', `the body is not JSON: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TaxiiError('unprocessable', 'the body must be a TAXII envelope (a JSON object)');
  const objects = (parsed as { objects?: unknown }).objects;
  if (objects === undefined) return [];
  if (!Array.isArray(objects)) throw new TaxiiError('unprocessable', 'the envelope property objects must be a list of STIX objects');
  return objects;
}

interface StatusResource {
  id: string;
  [key: string]: unknown;
}

/** §4.3.1; the hub stores before answering, so every request is already complete with nothing pending. */
export function statusResource(id: string, requested: string, outcomes: ObjectOutcome[]): StatusResource {
  const detail = (o: ObjectOutcome, withMessage: boolean): Record<string, unknown> => ({
    id: o.id, ...(o.version !== null ? { version: o.version } : {}), ...(withMessage && o.message ? { message: o.message } : {}),
  });
  const successes = outcomes.filter(succeeded).map((o) => detail(o, false));
  const failures = outcomes.filter((o) => !succeeded(o)).map((o) => detail(o, true));
  return {
    id,
    status: 'complete',
    request_timestamp: requested,
    total_count: outcomes.length,
    success_count: successes.length,
    ...(successes.length > 0 ? { successes } : {}),
    failure_count: failures.length,
    ...(failures.length > 0 ? { failures } : {}),
    pending_count: 0,
  };
}
