// The process surface a CLI command may touch, injected so commands run in tests without globals.
import type { Readable } from 'node:stream';

export interface Output {
  write(chunk: string): unknown;
  /** True when writing to a terminal: progress bars and colours only then. */
  isTTY?: boolean;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}
