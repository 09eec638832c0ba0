// Messages between the store and its writer thread; each request carries a ticket its response echoes.
import type { WriteRow } from './write-row.ts';
import type { Removal } from './version-writer.ts';

export type WriterRequest = { ticket: number } & (
  | { op: 'put'; rows: WriteRow[] }
  | { op: 'begin' }
  | { op: 'commit' }
  | { op: 'rollback' }
  | { op: 'set-setting'; key: string; value: string }
  | { op: 'set-recipients'; id: string; principals: string[] }
  | { op: 'remove'; removal: Removal }
  | { op: 'index-search' }
  | { op: 'close' }
);

export type WriterResponse =
  | { ticket: number; ok: true; result: unknown }
  | { ticket: number; ok: false; error: { name: string; message: string; code?: string } };
