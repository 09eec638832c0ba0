// The options `serve` and `start` share: configuration file, listen address, TLS, plain HTTP, feed polling, detection threads.
import type { Command } from 'commander';

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
