// `npm run bench -- taxii [COUNT [SECONDS]]`: the TAXII server over 100k indicators under autocannon, against a bare fastify floor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { openAccessStore, openStore } from '../src/store/open-store.ts';
import { defaultConfig } from '../src/taxii/server/hub-config.ts';
import { startHub } from '../src/taxii/server/hub.ts';
import { newToken } from '../src/access/credentials.ts';
import { hashSecret } from '../src/access/secret-hash.ts';
import { TAXII_MEDIA_TYPE } from '../src/taxii/media-types.ts';

const DEFAULT_DURATION = 8;
let DURATION = DEFAULT_DURATION;
const CONNECTIONS = 10;
const POST_BATCH = 100;

function indicatorJson(n: number, id = `indicator--${randomUUID()}`): Record<string, unknown> {
  return {
    type: 'indicator', spec_version: '2.1', id,
    created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z',
    name: `C2 address ${n}`, indicator_types: ['malicious-activity'],
    pattern: `[ipv4-addr:value = '${10 + (n >> 16) % 200}.${(n >> 8) % 256}.${n % 256}.${n % 251}']`,
    pattern_type: 'stix', valid_from: '2025-01-01T00:00:00Z',
    object_marking_refs: ['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'],
  };
}

interface Figures { rps: number; p50: number; p99: number; errors: number }

async function load(url: string, options: { headers: Record<string, string>; method?: 'GET' | 'POST'; paths?: string[]; body?: () => string; connections?: number }): Promise<Figures> {
  const paths = options.paths ?? [new URL(url).pathname];
  let i = 0;
  const result = await autocannon({
    url,
    connections: options.connections ?? CONNECTIONS,
    duration: DURATION,
    requests: [{
      method: options.method ?? 'GET',
      headers: options.headers,
      setupRequest: (request) => {
        const path = paths[i++ % paths.length]!;
        return options.body ? { ...request, path, body: options.body() } : { ...request, path };
      },
    }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

export default async function taxii(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 100_000);
  DURATION = Number(args[1] ?? DEFAULT_DURATION);
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-bench-taxii-'));
  try {
    const store = await openStore(dir);
    const access = await openAccessStore(dir);
    const collection = randomUUID();
    await access.putCollection({ id: collection, apiRoot: 'bench', title: 'Bench', kind: 'stored', audience: [], community: null, defaultTlp: 'green' });
    await access.addOrg({ id: 'bench-org', name: 'Bench' });
    await access.addAccount({ id: 'bench', org: 'bench-org', name: 'Bench' }, null);
    await access.grant({ collection, principal: 'org:bench-org', read: true, write: true });
    const token = newToken();
    await access.addToken({ id: token.id, account: 'bench', created: new Date().toISOString(), revoked: false }, await hashSecret(token.value.slice(token.value.indexOf('.') + 1)));

    const seedStart = performance.now();
    const ids: string[] = [];
    for (let n = 0; n < count; n += 5000) {
      const batch = Array.from({ length: Math.min(5000, count - n) }, (_, k) => indicatorJson(n + k));
      for (const o of batch) ids.push(o.id as string);
      await store.put(batch.map((object) => ({ object, collection })));
    }
    const seedMs = performance.now() - seedStart;

    const config = { ...defaultConfig(), listen: { host: '127.0.0.1', port: 0 }, apiRoots: [{ path: 'bench', title: 'Bench', maxContentLength: 10 * 1024 * 1024 }], defaultApiRoot: 'bench' };
    const hub = await startHub({ store, access, config });
    const headers = { accept: TAXII_MEDIA_TYPE, authorization: `Bearer ${token.value}` };
    const base = `/bench/collections/${collection}`;

    // Cursors for 100 pages spread through the collection, so paged reads do not all hit the first page.
    const cursors: string[] = [''];
    let next: string | null = null;
    for (let page = 0; page < 100; page++) {
      const reply: Response = await fetch(`${hub.url}${base}/objects/?limit=100${next ? `&next=${next}` : ''}`, { headers });
      next = ((await reply.json()) as { next?: string }).next ?? null;
      if (!next) break;
      cursors.push(next);
    }
    const pagePaths = (endpoint: string): string[] => cursors.map((c) => `${base}/${endpoint}/?limit=100${c ? `&next=${c}` : ''}`);
    const sample = async (path: string): Promise<Buffer> => Buffer.from(await (await fetch(`${hub.url}${path}`, { headers })).arrayBuffer());
    const objectPath = (k: number): string => `${base}/objects/${ids[(k * 7919) % ids.length]}/`;
    const bodies = {
      objects: await sample(pagePaths('objects')[1]!),
      object: await sample(objectPath(1)),
      manifest: await sample(pagePaths('manifest')[1]!),
    };

    // The floor: a bare fastify route answering the same bytes, with no auth, query or JSON work.
    const floor = Fastify();
    floor.get('/objects', async (_q, reply) => reply.header('content-type', TAXII_MEDIA_TYPE).send(bodies.objects));
    floor.get('/object', async (_q, reply) => reply.header('content-type', TAXII_MEDIA_TYPE).send(bodies.object));
    floor.get('/manifest', async (_q, reply) => reply.header('content-type', TAXII_MEDIA_TYPE).send(bodies.manifest));
    floor.addContentTypeParser('application/taxii+json', { parseAs: 'string' }, (_q, body, done) => done(null, body));
    floor.post('/objects', async (request, reply) => {
      const n = (JSON.parse(request.body as string) as { objects: unknown[] }).objects.length;
      return reply.code(202).header('content-type', TAXII_MEDIA_TYPE).send(`{"status":"complete","total_count":${n}}`);
    });
    await floor.listen({ host: '127.0.0.1', port: 0 });
    const floorUrl = `http://127.0.0.1:${(floor.server.address() as { port: number }).port}`;

    let serial = count;
    const postBody = (): string => `{"objects":[${Array.from({ length: POST_BATCH }, () => JSON.stringify(indicatorJson(serial++))).join(',')}]}`;
    const postHeaders = { ...headers, 'content-type': TAXII_MEDIA_TYPE };

    const rows: [string, Figures, Figures, number][] = [];
    rows.push(['GET objects (limit 100)', await load(`${hub.url}${base}/objects/`, { headers, paths: pagePaths('objects') }), await load(`${floorUrl}/objects`, { headers }), 1]);
    rows.push(['GET object by id', await load(`${hub.url}${base}/objects/`, { headers, paths: Array.from({ length: 1000 }, (_, k) => objectPath(k)) }), await load(`${floorUrl}/object`, { headers }), 1]);
    rows.push(['GET manifest (limit 100)', await load(`${hub.url}${base}/manifest/`, { headers, paths: pagePaths('manifest') }), await load(`${floorUrl}/manifest`, { headers }), 1]);
    rows.push([`POST objects (${POST_BATCH}/request)`, await load(`${hub.url}${base}/objects/`, { headers: postHeaders, method: 'POST', body: postBody, connections: 4 }),
      await load(`${floorUrl}/objects`, { headers: postHeaders, method: 'POST', body: postBody, connections: 4 }), POST_BATCH]);

    await hub.close();
    await floor.close();
    await access.close();
    await store.close();

    const num = (n: number, d = 0): string => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
    process.stdout.write(`taxii: ${num(count)} indicators seeded in ${num(seedMs / 1000, 1)} s; autocannon ${CONNECTIONS} connections (4 for POST), ${DURATION} s per run\n`);
    process.stdout.write(`${'endpoint'.padEnd(28)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(6)}   ${'floor req/s'.padStart(11)} ${'floor p99'.padStart(9)}  ratio\n`);
    for (const [label, hubFigures, floorFigures, perRequest] of rows) {
      const extra = perRequest > 1 ? `  (${num(hubFigures.rps * perRequest)} objects/s, floor ${num(floorFigures.rps * perRequest)})` : '';
      process.stdout.write(`${label.padEnd(28)} ${num(hubFigures.rps).padStart(8)} ${num(hubFigures.p50).padStart(7)} ${num(hubFigures.p99).padStart(7)} ${String(hubFigures.errors).padStart(6)}   ${num(floorFigures.rps).padStart(11)} ${num(floorFigures.p99).padStart(9)}  ${(hubFigures.rps / floorFigures.rps).toFixed(2)}×${extra}\n`);
    }
    process.stdout.write('floor: a bare fastify route answering the same bytes (GET) or parsing the same envelope (POST), in the same process\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
