// Runs the TAXII hub until SIGINT/SIGTERM: prints where it listens and how to get in, optionally polls feeds.
import type { Io } from './io.ts';
import { UsageError } from './command.ts';
import { pullOne } from './feed-pull.ts';
import type { Store } from '../store/store.ts';
import type { AccessStore } from '../store/access-store.ts';
import { startHub } from '../taxii/server/hub.ts';
import { ConfigError, loadConfig, type HubConfig } from '../taxii/server/hub-config.ts';
import { ensureDemoCollections } from '../taxii/server/demo-collections.ts';
import { webApi, WEB_DIST } from '../web-api/web-api.ts';
import { collectionFromEnv, WebSettingError } from '../web-api/web-settings.ts';
import type { CollectionRef } from '../web-api/context.ts';

export interface RunHubOptions {
  /** Create the demo API root's collections on first run. */
  demo: boolean;
  /** Resolves when the hub should stop; by default on SIGINT or SIGTERM. */
  until?: Promise<unknown>;
}

export async function runHub(store: Store, access: AccessStore, opts: Record<string, unknown>, io: Io, run: RunHubOptions): Promise<number> {
  const config = hubConfigFrom(opts, io);
  const pollMinutes = opts.pollFeeds === undefined ? null : Number(opts.pollFeeds);
  if (pollMinutes !== null && !(pollMinutes > 0)) throw new UsageError('--poll-feeds must be a positive number of minutes');
  const detectThreads = Number(opts.detectThreads ?? 1);
  if (!Number.isInteger(detectThreads) || detectThreads < 1 || detectThreads > 64) {
    throw new UsageError(`--detect-threads must be a whole number from 1 to 64, not ${String(opts.detectThreads)}`);
  }
  const demo = run.demo ? await ensureDemoCollections(access, config) : [];
  let hub;
  try {
    hub = await startHub({ store, access, config, logger: { level: (opts.logLevel as string | undefined) ?? 'warn' },
      extensions: [webApi({ store, access, staticDir: WEB_DIST, detectThreads, ...webCollections() })] });
  } catch (err) {
    if (err instanceof ConfigError || err instanceof WebSettingError) throw new UsageError(err.message);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`${config.listen.host}:${config.listen.port} is already in use; choose another with --listen`);
    throw err;
  }
  for (const warning of hub.warnings) io.stderr.write(`warning: ${warning}\n`);
  io.stdout.write(`\nWeb UI: ${hub.url}/  (sign in with a hub account)\n`);
  io.stdout.write(`TAXII 2.1 server: ${hub.url}/taxii2/\n`);
  for (const root of config.apiRoots) io.stdout.write(`  API root ${hub.url}/${root.path}/  (${root.title})\n`);
  for (const c of demo) io.stdout.write(`  collection ${c.id}  alias ${c.alias}  (${c.kind}: ${c.title})\n`);
  if ((await access.accounts()).length === 0) {
    io.stdout.write([
      '\nNo accounts yet. To let a partner in:',
      '  npx tocsin org add demo-org --name "Demo organisation"',
      '  npx tocsin account add alice --org demo-org        # prints a generated password once',
      '  npx tocsin token create alice                      # or an API token for Authorization: Bearer',
      run.demo ? `  curl -u alice:PASSWORD -H 'Accept: application/taxii+json;version=2.1' ${hub.url}/demo/collections/` : '  npx tocsin collection grant COLLECTION org:demo-org --read',
      '',
    ].join('\n'));
  }
  io.stdout.write('Stop with Ctrl-C.\n');

  let polling: NodeJS.Timeout | null = null;
  /** The pull in progress, awaited before the store closes. */
  let pulling: Promise<void> | null = null;
  if (pollMinutes !== null) {
    polling = setInterval(() => {
      if (pulling) return;
      pulling = (async () => {
        for (const feed of await access.feeds()) await pullOne(store, access, feed, 500, io, true);
      })().catch((err: unknown) => {
        io.stderr.write(`feed polling failed: ${(err as Error).message}\n`);
      }).finally(() => { pulling = null; });
    }, pollMinutes * 60_000);
  }
  await (run.until ?? stopSignal());
  if (polling) clearInterval(polling);
  await pulling;
  await hub.close();
  io.stdout.write('TAXII server stopped.\n');
  return 0;
}

/** The web UI's view and publishing collections, when the environment names others than the demo's. */
function webCollections(): { view?: CollectionRef; publishTo?: CollectionRef } {
  const view = collectionFromEnv(process.env, 'TOCSIN_WEB_VIEW');
  const publishTo = collectionFromEnv(process.env, 'TOCSIN_WEB_PUBLISH');
  return { ...(view ? { view } : {}), ...(publishTo ? { publishTo } : {}) };
}

function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The configuration file (--config or $TOCSIN_CONFIG) with what the command line and the environment override. */
function hubConfigFrom(opts: Record<string, unknown>, io: Io): HubConfig {
  const pick = (flag: string, env: string): string | undefined => (opts[flag] as string | undefined) ?? io.env[env] ?? undefined;
  try {
    const overrides: Parameters<typeof loadConfig>[1] = {};
    const listen = pick('listen', 'TOCSIN_LISTEN');
    const tlsCert = pick('tlsCert', 'TOCSIN_TLS_CERT');
    const tlsKey = pick('tlsKey', 'TOCSIN_TLS_KEY');
    if (listen !== undefined) overrides.listen = listen;
    if (tlsCert !== undefined) overrides.tlsCert = tlsCert;
    if (tlsKey !== undefined) overrides.tlsKey = tlsKey;
    if (opts.insecureHttp === true) overrides.allowPlainHttp = true;
    return loadConfig(pick('config', 'TOCSIN_CONFIG'), overrides);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}
