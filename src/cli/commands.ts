// The list of CLI commands, in the order `--help` shows them.
import type { CliCommand } from './command.ts';

export const commands: CliCommand[] = [];
