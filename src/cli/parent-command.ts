// Finds or creates a parent command (`org`, `account`, `token`, `collection`, `feed`) for its subcommand files.
import type { Command } from 'commander';

export function parentCommand(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}
