// A view collection's saved filter as the part of an ObjectQuery it fixes.
import type { ObjectQuery } from '../store/store.ts';
import type { ViewFilter } from './model.ts';
import { formatMicros, parseMicros } from '../store/version-key.ts';

const DAY_MICROS = 86_400_000_000;

export type ViewQuery = Pick<ObjectQuery, 'types' | 'createdBy' | 'markings' | 'addedAfter'>;

/** `now` is in milliseconds since the epoch. */
export function viewQuery(filter: ViewFilter, now: number): ViewQuery {
  const query: ViewQuery = {};
  if (filter.types) query.types = [...filter.types];
  if (filter.createdBy) query.createdBy = [...filter.createdBy];
  if (filter.markings) query.markings = [...filter.markings];
  if (filter.maxAgeDays !== undefined) query.addedAfter = formatMicros(now * 1000 - filter.maxAgeDays * DAY_MICROS);
  return query;
}

/** Combines a client's filter with the view's: lists intersect, the later `added_after` wins. */
export function narrow(client: ObjectQuery, view: ViewQuery): ObjectQuery {
  const merged: ObjectQuery = { ...client };
  if (view.types) merged.types = client.types ? client.types.filter((t) => view.types!.includes(t)) : view.types;
  if (view.createdBy) merged.createdBy = view.createdBy;
  if (view.markings) merged.markings = view.markings;
  if (view.addedAfter !== undefined) {
    merged.addedAfter = client.addedAfter === undefined || parseMicros(client.addedAfter) < parseMicros(view.addedAfter)
      ? view.addedAfter
      : client.addedAfter;
  }
  return merged;
}
