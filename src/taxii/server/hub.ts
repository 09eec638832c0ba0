// Starts the TAXII server on its listen address: TLS, or plain HTTP on loopback (elsewhere only when forced).
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import type { Store } from '../../store/store.ts';
import type { AccessStore } from '../../store/access-store.ts';
import { buildApp } from './app.ts';
import { ConfigError, type HubConfig } from './hub-config.ts';

export interface HubOptions {
  store: Store;
  access: AccessStore;
  config: HubConfig;
  logger?: FastifyServerOptions['logger'];
  now?: () => number;
  /**
   * Plugins served on the same address beside TAXII (the web UI), for every path outside `/taxii2/` and the API
   * roots. They get an app of their own, so TAXII's content negotiation, authentication and errors stay TAXII's.
   */
  extensions?: FastifyPluginAsync[];
}

export interface RunningHub {
  app: FastifyInstance;
  /** Base URL, e.g. `http://127.0.0.1:9473`. */
  url: string;
  /** Things the operator should know (plain HTTP on a public address). */
  warnings: string[];
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const { config } = options;
  const warnings: string[] = [];
  if (config.tls === null && !isLoopback(config.listen.host)) {
    // TAXII 2.1 §1.6.6 transports over HTTPS; credentials in clear on a network need an explicit decision.
    if (!config.allowPlainHttp) {
      throw new ConfigError('listen', `plain HTTP on ${config.listen.host} would send credentials in clear: give a TLS certificate and key, or force it with --insecure-http`);
    }
    warnings.push(`serving plain HTTP on ${config.listen.host}: credentials and objects cross the network unencrypted`);
  }
  await syncConfiguredCollections(options.access, config);
  const https = config.tls === null ? null : { cert: readTls(config.tls.cert), key: readTls(config.tls.key) };
  const app = await buildApp({ store: options.store, access: options.access, config, https, logger: options.logger, now: options.now });
  for (const warning of warnings) app.log.warn(warning);
  const beside = options.extensions?.length ? await mountBeside(app, options.extensions, config, options.logger) : null;
  await app.listen({ host: config.listen.host, port: config.listen.port });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const close = async (): Promise<void> => {
    await app.close();
    await beside?.close();
  };
  return { app, url: `${https ? 'https' : 'http'}://${host}:${address.port}`, warnings, close };
}

/** Routes each request on the TAXII app's server: TAXII paths to TAXII, the rest to the extensions' app. */
async function mountBeside(app: FastifyInstance, extensions: FastifyPluginAsync[], config: HubConfig, logger: HubOptions['logger']): Promise<FastifyInstance> {
  const beside = Fastify({ logger: logger ?? false }) as unknown as FastifyInstance;
  for (const plugin of extensions) await beside.register(plugin);
  await beside.ready();
  const taxiiPaths = new Set(['taxii2', ...config.apiRoots.map((root) => root.path)]);
  const taxii = app.server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  app.server.removeAllListeners('request');
  app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const first = (req.url ?? '/').split(/[/?#]/)[1] ?? '';
    if (taxiiPaths.has(first)) for (const listener of taxii) listener(req, res);
    else beside.routing(req, res);
  });
  return beside;
}

/** Collections declared in the configuration file are created or updated, with their grants, on every start. */
async function syncConfiguredCollections(access: AccessStore, config: HubConfig): Promise<void> {
  for (const { grants, ...collection } of config.collections) {
    await access.putCollection(collection);
    for (const grant of grants) await access.grant({ collection: collection.id, ...grant });
  }
}

function readTls(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new ConfigError(file, `cannot read the TLS file: ${(err as Error).message}`);
  }
}
