// Confines a client's query to one collection as its account sees it: members of a stored collection, or a view's filter.
import type { ObjectQuery, Page, StoredVersion } from '../../store/store.ts';
import { narrow, viewQuery } from '../../access/view-query.ts';
import type { FastifyReply } from 'fastify';
import type { CollectionAccess } from './context.ts';

export function scoped(access: CollectionAccess, query: ObjectQuery, now: number): ObjectQuery {
  const visible: ObjectQuery = { ...query, visibility: access.visibility };
  if (access.collection.kind === 'stored') return { ...visible, collection: access.collection.id };
  return narrow(visible, viewQuery(access.collection.filter ?? {}, now));
}

/** §3.2: the date_added of the first and last object of a non-empty response. */
export function dateAddedHeaders(reply: FastifyReply, versions: readonly StoredVersion[]): void {
  if (versions.length === 0) return;
  reply.header('x-taxii-date-added-first', versions[0]!.dateAdded);
  reply.header('x-taxii-date-added-last', versions[versions.length - 1]!.dateAdded);
}

/** `more` always (§3.7 allows it), `next` when there is a following page, as JSON members. */
export function pagingMembers(page: Page): string {
  return page.next === null ? '"more":false' : `"more":true,"next":${JSON.stringify(page.next)}`;
}

/** §5.3.1: a version is the object's `modified`, else its `created`, else (SCOs) the time it was added. */
export function versionOf(version: StoredVersion): string {
  if (version.modified !== null) return version.modified;
  const created = (JSON.parse(version.json) as { created?: unknown }).created;
  return typeof created === 'string' ? created : version.dateAdded;
}
