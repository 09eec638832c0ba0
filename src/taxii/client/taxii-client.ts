// A TAXII 2.1 client for one remote collection: pages of objects, adding objects, following status resources.
import { TAXII_MEDIA_TYPE } from '../media-types.ts';

export type ClientAuth =
  | { kind: 'basic'; user: string; password: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'none' };

/** A remote server answered with an error status, or with something that is not TAXII. */
export class TaxiiClientError extends Error {
  constructor(readonly url: string, readonly status: number, readonly body: string) {
    super(`${url} answered ${status}${body ? `: ${summary(body)}` : ''}`);
    this.name = 'TaxiiClientError';
  }
}

function summary(body: string): string {
  try {
    const error = JSON.parse(body) as { title?: string; description?: string };
    return [error.title, error.description].filter(Boolean).join(' — ') || body.slice(0, 200);
  } catch {
    return body.slice(0, 200);
  }
}

export interface ObjectsPage {
  objects: Record<string, unknown>[];
  more: boolean;
  next: string | null;
  /** X-TAXII-Date-Added-Last: where an `added_after` continuation starts. */
  dateAddedLast: string | null;
}

export interface StatusResource {
  id: string;
  status: 'complete' | 'pending';
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  failures?: { id: string; version?: string; message?: string }[];
}

const USER_AGENT = 'tocsin-taxii-client/0.1';

export class TaxiiClient {
  readonly collectionUrl: string;

  /** `collectionUrl` is `{api-root}/collections/{id}/`. */
  constructor(collectionUrl: string, private readonly auth: ClientAuth, private readonly fetchImpl: typeof fetch = fetch) {
    this.collectionUrl = collectionUrl.endsWith('/') ? collectionUrl : `${collectionUrl}/`;
  }

  get apiRootUrl(): string {
    const at = this.collectionUrl.lastIndexOf('/collections/');
    return this.collectionUrl.slice(0, at + 1);
  }

  async collection(): Promise<{ id: string; title: string; can_read: boolean; can_write: boolean }> {
    return JSON.parse(await this.#request('GET', this.collectionUrl)) as { id: string; title: string; can_read: boolean; can_write: boolean };
  }

  async apiRoot(): Promise<{ title: string; max_content_length: number }> {
    return JSON.parse(await this.#request('GET', this.apiRootUrl)) as { title: string; max_content_length: number };
  }

  async objects(params: { addedAfter?: string | null; next?: string | null; limit?: number; types?: string[] } = {}): Promise<ObjectsPage> {
    const url = new URL('objects/', this.collectionUrl);
    if (params.addedAfter) url.searchParams.set('added_after', params.addedAfter);
    if (params.next) url.searchParams.set('next', params.next);
    if (params.limit) url.searchParams.set('limit', String(params.limit));
    if (params.types) url.searchParams.set('match[type]', params.types.join(','));
    let dateAddedLast: string | null = null;
    const text = await this.#request('GET', url.href, undefined, (headers) => { dateAddedLast = headers.get('x-taxii-date-added-last'); });
    const envelope = JSON.parse(text) as { objects?: Record<string, unknown>[]; more?: boolean; next?: string };
    return { objects: envelope.objects ?? [], more: envelope.more === true, next: envelope.next ?? null, dateAddedLast };
  }

  async addObjects(objects: readonly unknown[]): Promise<StatusResource> {
    const body = `{"objects":[${objects.map((o) => (typeof o === 'string' ? o : JSON.stringify(o))).join(',')}]}`;
    return JSON.parse(await this.#request('POST', new URL('objects/', this.collectionUrl).href, body)) as StatusResource;
  }

  async status(id: string): Promise<StatusResource> {
    return JSON.parse(await this.#request('GET', new URL(`status/${id}/`, this.apiRootUrl).href)) as StatusResource;
  }

  async #request(method: string, url: string, body?: string, onHeaders?: (headers: Headers) => void): Promise<string> {
    const headers: Record<string, string> = { accept: TAXII_MEDIA_TYPE, 'user-agent': USER_AGENT };
    if (body !== undefined) headers['content-type'] = TAXII_MEDIA_TYPE;
    if (this.auth.kind === 'basic') headers.authorization = `Basic ${Buffer.from(`${this.auth.user}:${this.auth.password}`).toString('base64')}`;
    if (this.auth.kind === 'bearer') headers.authorization = `Bearer ${this.auth.token}`;
    const response = await this.fetchImpl(url, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    if (!response.ok) throw new TaxiiClientError(url, response.status, text);
    onHeaders?.(response.headers);
    return text;
  }
}
