// Runs the CLI in-process with captured output and a throwaway data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class CliSandbox {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'tocsin-cli-'));

  async run(argv: string[], stdin = ''): Promise<CliResult> {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, {
      stdout: { write: (s: string) => { stdout += s; return true; } },
      stderr: { write: (s: string) => { stderr += s; return true; } },
      stdin: Readable.from([Buffer.from(stdin)]),
      env: { TOCSIN_DATA: this.dataDir },
      cwd: this.dataDir,
    });
    return { code, stdout, stderr };
  }

  /** Runs a command that must succeed with --json and returns its parsed output. */
  async json<T = unknown>(argv: string[], stdin = ''): Promise<T> {
    const result = await this.run([...argv, '--json'], stdin);
    if (result.code !== 0) throw new Error(`tocsin ${argv.join(' ')} exited ${result.code}: ${result.stderr}${result.stdout}`);
    return JSON.parse(result.stdout) as T;
  }

  cleanup(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Runs `body` with a fresh sandbox, removed afterwards. */
export async function inSandbox(body: (cli: CliSandbox) => Promise<void>): Promise<void> {
  const cli = new CliSandbox();
  try {
    await body(cli);
  } finally {
    cli.cleanup();
  }
}
