// Writes a TAXII response: the §1.6.8 media type on every body, JSON text passed through untouched.
import type { FastifyReply } from 'fastify';
import { TAXII_MEDIA_TYPE } from '../media-types.ts';

export function sendTaxii(reply: FastifyReply, status: number, body: string | Record<string, unknown>): FastifyReply {
  // A Buffer, because fastify rewrites the Content-Type of string payloads (quoting the version, adding a charset).
  return reply.code(status).header('content-type', TAXII_MEDIA_TYPE).send(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));
}
