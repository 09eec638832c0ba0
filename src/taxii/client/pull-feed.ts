// Pulls a remote collection into the knowledge base, page by page, resuming after the last page fully stored.
import type { Store } from '../../store/store.ts';
import type { AccessStore, FeedConfig } from '../../store/access-store.ts';
import { acceptObjects, succeeded, type ObjectOutcome } from '../accept-objects.ts';
import { TaxiiClient, TaxiiClientError, type ClientAuth } from './taxii-client.ts';

export interface PullSummary {
  pages: number;
  received: number;
  stored: number;
  duplicates: number;
  rejected: ObjectOutcome[];
  /** Where the next pull starts. */
  addedAfter: string | null;
}

export interface PullOptions {
  /** Objects per request. */
  pageSize?: number;
  onPage?: (summary: PullSummary) => void;
}

export function feedAuth(feed: FeedConfig): ClientAuth {
  if (feed.auth === 'basic') return { kind: 'basic', user: feed.user ?? '', password: feed.secret ?? '' };
  if (feed.auth === 'bearer') return { kind: 'bearer', token: feed.secret ?? '' };
  return { kind: 'none' };
}

/** The provenance recorded on every version a feed brings in. */
export function feedProvenance(feed: FeedConfig): { account: string; org: string } {
  return { account: `feed:${feed.name}`, org: `feed:${new URL(feed.url).host}` };
}

export async function pullFeed(store: Store, access: AccessStore, feed: FeedConfig, options: PullOptions = {}, fetchImpl: typeof fetch = fetch): Promise<PullSummary> {
  const client = new TaxiiClient(feed.url, feedAuth(feed), fetchImpl);
  const summary: PullSummary = { pages: 0, received: 0, stored: 0, duplicates: 0, rejected: [], addedAfter: feed.addedAfter };
  let next: string | null = null;
  // §3.5: `next` goes with the original query options, so the query's added_after moves only when paging by header.
  let queryAfter = feed.addedAfter;
  for (;;) {
    // `next` continues this run; across runs the saved added_after does.
    const page = await client.objects({ addedAfter: queryAfter, next, limit: options.pageSize ?? 500 });
    const outcomes = await acceptObjects(store, page.objects, { suppliedBy: feedProvenance(feed) });
    summary.pages++;
    summary.received += page.objects.length;
    for (const outcome of outcomes) {
      if (!succeeded(outcome)) summary.rejected.push(outcome);
      else if (outcome.outcome === 'duplicate') summary.duplicates++;
      else summary.stored++;
    }
    if (page.dateAddedLast !== null) {
      summary.addedAfter = page.dateAddedLast;
      // Saved only once the page is stored: an interrupted pull repeats at most one page, which stores as duplicates.
      await access.setFeedPosition(feed.name, page.dateAddedLast);
    }
    options.onPage?.(summary);
    if (!page.more || page.objects.length === 0) break;
    if (page.next === null && page.dateAddedLast === null) {
      throw new TaxiiClientError(client.collectionUrl, 200, 'the server says there is more but gives neither next nor X-TAXII-Date-Added-Last');
    }
    next = page.next;
    if (next === null) queryAfter = page.dateAddedLast;
  }
  return summary;
}
