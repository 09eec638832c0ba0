// A real hub on an ephemeral loopback port with its own database, plus HTTP helpers that speak TAXII to it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openAccessStore, openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import type { AccessStore } from '../../src/store/access-store.ts';
import type { CollectionConfig } from '../../src/access/model.ts';
import { hashSecret } from '../../src/access/secret-hash.ts';
import { defaultConfig, type HubConfig } from '../../src/taxii/server/hub-config.ts';
import { startHub, type RunningHub } from '../../src/taxii/server/hub.ts';

export const TAXII = 'application/taxii+json;version=2.1';
export const ROOT = 'api';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export class Hub {
  private constructor(
    readonly dir: string,
    readonly store: Store,
    readonly access: AccessStore,
    readonly running: RunningHub,
    private readonly passwords: Map<string, string>,
  ) {}

  static async start(config: Partial<HubConfig> = {}): Promise<Hub> {
    const dir = await mkdtemp(join(tmpdir(), 'tocsin-taxii-'));
    const store = await openStore(dir);
    const access = await openAccessStore(dir);
    const base = defaultConfig();
    const running = await startHub({
      store, access,
      config: {
        ...base,
        listen: { host: '127.0.0.1', port: 0 },
        apiRoots: [{ path: ROOT, title: 'Test root', maxContentLength: 64 * 1024 }],
        defaultApiRoot: ROOT,
        ...config,
      },
    }).catch(async (err: unknown) => {
      await access.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
      throw err;
    });
    return new Hub(dir, store, access, running, new Map());
  }

  async org(id: string): Promise<void> {
    if (!(await this.access.org(id))) await this.access.addOrg({ id, name: id.toUpperCase() });
  }

  /** Creates an account (and its organisation) whose password is its id reversed plus a suffix. */
  async account(id: string, org: string): Promise<void> {
    await this.org(org);
    const password = `${id}-secret`;
    await this.access.addAccount({ id, org, name: id }, await hashSecret(password));
    this.passwords.set(id, password);
  }

  async collection(fields: Partial<CollectionConfig> & { grants?: Record<string, 'r' | 'w' | 'rw'> } = {}): Promise<string> {
    const { grants = {}, ...rest } = fields;
    const collection: CollectionConfig = {
      id: randomUUID(), apiRoot: ROOT, title: 'Collection', kind: 'stored', audience: [], community: null, defaultTlp: 'green', ...rest,
    };
    await this.access.putCollection(collection);
    for (const [principal, rights] of Object.entries(grants)) {
      await this.access.grant({ collection: collection.id, principal, read: rights.includes('r'), write: rights.includes('w') });
    }
    return collection.id;
  }

  basic(account: string): string {
    return `Basic ${Buffer.from(`${account}:${this.passwords.get(account)}`).toString('base64')}`;
  }

  async request(method: string, path: string, options: { as?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Reply> {
    const headers: Record<string, string> = { accept: TAXII, ...(options.as ? { authorization: this.basic(options.as) } : {}) };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = TAXII;
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    Object.assign(headers, options.headers);
    for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
    const response = await fetch(`${this.running.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  get(path: string, as?: string, headers?: Record<string, string>): Promise<Reply> {
    return this.request('GET', path, { ...(as ? { as } : {}), ...(headers ? { headers } : {}) });
  }

  post(collection: string, objects: unknown[], as: string): Promise<Reply> {
    return this.request('POST', `/${ROOT}/collections/${collection}/objects/`, { as, body: { objects } });
  }

  async close(): Promise<void> {
    await this.running.close();
    await this.access.close();
    await this.store.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}

let counter = 0;

/** A valid STIX 2.1 indicator; `marking` is a TLP marking-definition id. */
export function indicator(options: { n?: number; marking?: string; createdBy?: string; modified?: string; id?: string } = {}): Record<string, unknown> {
  const n = options.n ?? ++counter;
  return {
    type: 'indicator', spec_version: '2.1',
    id: options.id ?? `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: '2020-01-01T00:00:00.000Z', modified: options.modified ?? '2020-01-01T00:00:00.000Z',
    name: `indicator ${n}`, pattern: `[ipv4-addr:value = '198.51.100.${n % 250}']`, pattern_type: 'stix',
    valid_from: '2020-01-01T00:00:00Z',
    ...(options.marking ? { object_marking_refs: [options.marking] } : {}),
    ...(options.createdBy ? { created_by_ref: options.createdBy } : {}),
  };
}

export const TLP = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  strict: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
} as const;
