// `tocsin pattern validate PATTERN|-f FILE`: exit 0 valid, 1 invalid (with the errors), 2 usage error.
import type { Command } from 'commander';
import type { CliCommand } from './command.ts';
import { patternParent } from './pattern-parent.ts';
import { readPatternInput } from './pattern-input.ts';
import type { PatternDiagnostic } from '../pattern/index.ts';

export const patternValidateCommand: CliCommand = {
  define: (program: Command) =>
    patternParent(program)
      .command('validate')
      .description('check a STIX 2.1 pattern (exit 0 valid, 1 invalid, 2 usage error)')
      .argument('[pattern]', "the pattern, e.g. \"[file:name = 'a.exe']\"")
      .option('-f, --file <file>', 'read the pattern from FILE (- for standard input)')
      .option('--json', 'print { valid, errors, warnings, diagnostics, canonical } as JSON'),

  async run(args, opts, io) {
    const source = await readPatternInput(args[0] as string | undefined, opts.file as string | undefined, io);
    const { parsePattern, printPattern, validatePattern } = await import('../pattern/index.ts');
    const diagnostics = validatePattern(source);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const valid = errors === 0;
    if (opts.json) {
      const canonical = valid ? printPattern(parsePattern(source)) : null;
      io.stdout.write(`${JSON.stringify({ valid, errors, warnings, diagnostics, canonical }, null, 2)}\n`);
    } else {
      for (const d of diagnostics) io.stdout.write(describe(d, source));
      io.stdout.write(`${valid ? 'valid' : 'invalid'}: ${count(errors, 'error')}, ${count(warnings, 'warning')}\n`);
    }
    return valid ? 0 : 1;
  },
};

/** `line:col severity code: message`, then the source line with a caret under the column. */
function describe(d: PatternDiagnostic, source: string): string {
  const line = source.split(/\r\n|\r|\n/)[d.line - 1] ?? '';
  const shown = [...line];
  const caret = shown.length <= 160 ? `  ${shown.join('')}\n  ${' '.repeat(Math.max(0, d.column - 1))}^\n` : '';
  return `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}\n${caret}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
