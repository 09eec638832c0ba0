// The shape every CLI command file exports; main.ts wires these into commander.
//
// Every command is defined on each start, so a command file's top-level imports are only what its definition
// needs: what `run` needs (the store, the validator, the server, …) it imports as it runs. `tocsin ls` then
// loads the database driver and not the web server, and `tocsin --help` neither.
import type { Command } from 'commander';
import type { Io } from './io.ts';

export interface CliCommand {
  /** Adds the command (name, arguments, options, help) to `program` and returns it. */
  define(program: Command): Command;
  /**
   * Runs the command. `args` are the positional arguments commander parsed (variadic ones as arrays),
   * `opts` its options. Returns the process exit code.
   */
  run(args: unknown[], opts: Record<string, unknown>, io: Io): Promise<number>;
}

/** A failure the user can fix (bad argument, unreadable file): printed as one line, exit code `exitCode`. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UsageError';
  }
}
