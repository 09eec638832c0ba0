// The one place that picks a Store backend: today the embedded SQLite file under the data directory.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './store.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';
import type { AccessStore } from './access-store.ts';
import { SqliteAccessStore } from './sqlite/sqlite-access-store.ts';

export const DATABASE_FILE = 'tocsin.db';

export async function openStore(dataDir: string): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteStore(join(dataDir, DATABASE_FILE));
}

/** The hub's accounts, rights, collections and TAXII bookkeeping, in the same database file as the store. */
export async function openAccessStore(dataDir: string): Promise<AccessStore> {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteAccessStore(join(dataDir, DATABASE_FILE));
}
