// `tocsin pattern match PATTERN|-f FILE OBSERVED.json`: like grep, exit 0 matched, 1 not matched, 2 error.
import type { Command } from 'commander';
import { UsageError, type CliCommand } from './command.ts';
import { patternParent } from './pattern-parent.ts';
import { readObservedInput, readPatternInput } from './pattern-input.ts';
import type { MatchResult } from '../pattern/index.ts';

export const patternMatchCommand: CliCommand = {
  define: (program: Command) =>
    patternParent(program)
      .command('match')
      .description('match a STIX 2.1 pattern against observed-data (exit 0 matched, 1 not matched, 2 error)')
      .argument('<inputs...>', 'PATTERN OBSERVED.json, or just OBSERVED.json with -f; OBSERVED.json is a bundle or array of observed-data with their SCOs (- for standard input)')
      .option('-f, --file <file>', 'read the pattern from FILE')
      .option('--all', 'report every distinct set of observed-data that satisfies the pattern (up to 1000)')
      .option('--json', 'print { matched, observedDataIds, bindings, skipped } as JSON'),

  async run(args, opts, io) {
    const inputs = (args[0] as string[] | undefined) ?? [];
    const file = opts.file as string | undefined;
    const expected = file === undefined ? 2 : 1;
    if (inputs.length !== expected) {
      throw new UsageError(
        file === undefined
          ? 'expected PATTERN and OBSERVED.json (or -f PATTERN_FILE OBSERVED.json)'
          : 'with -f, give only OBSERVED.json',
      );
    }
    const pattern = await readPatternInput(file === undefined ? inputs[0] : undefined, file, io);
    const objects = await readObservedInput(inputs[expected - 1]!, io);
    const { matchPattern, PatternError } = await import('../pattern/index.ts');
    let result: MatchResult;
    try {
      result = matchPattern(pattern, objects, { maxBindings: opts.all ? 1000 : 1 });
    } catch (err) {
      if (err instanceof PatternError) {
        io.stderr.write(`tocsin: ${err.message}\n`);
        return 2;
      }
      throw err;
    }
    if (opts.json) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      for (const s of result.skipped) io.stderr.write(`tocsin: skipped ${s.id ?? 'an observed-data without id'}: ${s.reason}\n`);
      if (result.matched) for (const binding of result.bindings) io.stdout.write(`match: ${binding.join(' ')}\n`);
      else io.stdout.write('no match\n');
    }
    return result.matched ? 0 : 1;
  },
};
