// Parsers for option values that several commands share: repeatable lists and positive counts.
import { UsageError } from './command.ts';

/** A repeatable option whose values may also be comma-separated: `--type a,b --type c` gives [a, b, c]. */
export function listOption(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

export function positiveInteger(value: unknown, flag: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, not ${String(value)}`);
  return n;
}
