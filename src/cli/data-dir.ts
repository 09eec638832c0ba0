// Where the hub keeps its database: --data, else $TOCSIN_DATA, else ./var.
import { resolve } from 'node:path';
import type { Io } from './io.ts';

export function dataDir(opts: Record<string, unknown>, io: Io): string {
  const chosen = (opts.data as string | undefined) ?? io.env.TOCSIN_DATA ?? 'var';
  return resolve(io.cwd, chosen);
}
