#!/usr/bin/env node
// Entry point for `npx tocsin`: registers tsx so the TypeScript sources run directly.
import { register } from 'tsx/esm/api';

// A reader that stops early (`tocsin export | head`) is not an error: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
