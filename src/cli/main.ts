// Wires every command file into one commander program; returns the exit code instead of exiting.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CliCommand } from './command.ts';
import { UsageError } from './command.ts';
import { processIo, type Io } from './io.ts';
import { commands } from './commands.ts';
import { InputNotFoundError } from '../ingest/read-input.ts';
import { InvalidCursorError, InvalidTimestampError, StoreSchemaError } from '../store/errors.ts';

/** Errors caused by what the user asked for: reported in one line with exit code 2, no stack trace. */
const USER_ERRORS = [InputNotFoundError, InvalidCursorError, InvalidTimestampError, StoreSchemaError];

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  // Only as the whole command line: `get ID --version first` is get's own option, which a program-wide
  // --version would take from it.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  let exitCode = 0;
  const program = new Command('tocsin')
    .description('Tocsin threat-intelligence hub: STIX 2.1 knowledge graph, import/export and sharing')
    .option('--data <dir>', 'data directory (default $TOCSIN_DATA or ./var)')
    .addHelpText('after', '\nPrint the version with: tocsin --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const command of commands) {
    attach(program, command, io, (code) => {
      exitCode = code;
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`tocsin: ${err.message}\n`);
      return err.exitCode;
    }
    if (USER_ERRORS.some((kind) => err instanceof kind)) {
      io.stderr.write(`tocsin: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
  return exitCode;
}

function attach(program: Command, command: CliCommand, io: Io, setExit: (code: number) => void): void {
  const sub = command.define(program);
  sub.action(async (...params: unknown[]) => {
    // commander passes the positional arguments, then the options object, then the Command itself.
    const self = params[params.length - 1] as Command;
    const args = params.slice(0, -2);
    const opts = { ...program.opts(), ...self.opts() };
    setExit(await command.run(args, opts, io));
  });
}
