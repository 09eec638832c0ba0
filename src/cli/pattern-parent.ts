// The shared `tocsin pattern` parent command: whichever pattern subcommand is defined first creates it.
import type { Command } from 'commander';

export function patternParent(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'pattern') ??
    program.command('pattern').description('parse, validate and match STIX 2.1 patterns')
  );
}
