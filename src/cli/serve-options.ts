// The options `serve` and `start` share: configuration file, listen address, TLS, plain HTTP, feed polling, detection threads.
import type { Command } from 'commander';
import type { Io } from './io.ts';
import { UsageError } from './command.ts';
import { ConfigError, loadConfig, type HubConfig } from '../taxii/server/hub-config.ts';

export function withServeOptions(command: Command): Command {
  return command
    .option('--config <file>', 'hub configuration, YAML or JSON (default $TOCSIN_CONFIG)')
    .option('--listen <host:port>', 'listen address (default $TOCSIN_LISTEN, else the configuration, else 127.0.0.1:9473)')
    .option('--tls-cert <file>', 'TLS certificate, PEM (default $TOCSIN_TLS_CERT)')
    .option('--tls-key <file>', 'TLS private key, PEM (default $TOCSIN_TLS_KEY)')
    .option('--insecure-http', 'allow plain HTTP on a non-loopback address (credentials travel in clear)')
    .option('--poll-feeds <minutes>', 'pull every feed this often while the hub runs')
    .option('--detect-threads <n>', 'threads that decode and match telemetry posted to /api/telemetry, each with a copy of the index', '1')
    .option('--log-level <level>', 'server log level: fatal, error, warn, info, debug', 'warn');
}

export function hubConfigFrom(opts: Record<string, unknown>, io: Io): HubConfig {
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
