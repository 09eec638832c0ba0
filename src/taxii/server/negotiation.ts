// Content negotiation (TAXII 2.1 §1.6.8, §3.1): 406 for responses the client will not accept, 415 for bodies not TAXII.
import type { FastifyRequest } from 'fastify';
import { acceptsTaxii, isTaxiiContent, TAXII_MEDIA_TYPE } from '../media-types.ts';
import { TaxiiError } from '../errors.ts';

export async function negotiate(request: FastifyRequest): Promise<void> {
  if (!acceptsTaxii(request.headers.accept)) {
    throw new TaxiiError('not-acceptable', `the Accept header must include ${TAXII_MEDIA_TYPE}`, { accept: request.headers.accept ?? null });
  }
  // Only Add Objects (§5.5) takes a body; other methods on its URL, or bodies elsewhere, are 405s or ignored.
  if (request.method === 'POST' && request.routeOptions.config.need === 'write' && !isTaxiiContent(request.headers['content-type'])) {
    throw new TaxiiError('unsupported-media-type', `request bodies must be ${TAXII_MEDIA_TYPE}`, { content_type: request.headers['content-type'] ?? null });
  }
}
