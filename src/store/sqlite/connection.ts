// Opens the database file with the settings every connection needs, creating the schema on first use.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { StoreSchemaError } from '../errors.ts';
import { SCHEMA, SCHEMA_VERSION } from './schema.ts';
import { rebuildEdges } from './edge-rebuild.ts';

export function openConnection(file: string): Db {
  const db = new Database(file);
  // Objects are ~1–2 KB of JSON: 8 KiB pages hold several per page (measured ~15% faster imports than 4 KiB).
  // 16 KiB pages import ATT&CK ~6% faster still, but serve TAXII pages and POSTs ~20% slower: reads win.
  // Only takes effect when the file is new; WAL mode fixes the page size from then on.
  db.pragma('page_size = 8192');
  db.pragma('journal_mode = WAL');
  // FULL: a transaction reported as committed is on disk, even if the machine loses power next.
  db.pragma('synchronous = FULL');
  // Readers and the writer thread share the file; wait for each other rather than fail.
  db.pragma('busy_timeout = 10000');
  // Imports touch several indexes at random places; a larger page cache keeps them from spilling.
  db.pragma('cache_size = -16384');
  migrate(db, file);
  return db;
}

function migrate(db: Db, file: string): void {
  if (schemaVersion(db, file) === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Read again: another connection to the file may have migrated it meanwhile.
    const found = schemaVersion(db, file);
    if (found === SCHEMA_VERSION) return;
    // Before version 3 the edges table also held what each edge's version already says (see schema.ts).
    const edgesChanged = found > 0 && found < 3;
    if (edgesChanged) db.exec('DROP TABLE IF EXISTS edges');
    db.exec(SCHEMA);
    if (edgesChanged) rebuildEdges(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function schemaVersion(db: Db, file: string): number {
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > SCHEMA_VERSION) throw new StoreSchemaError(file, found, SCHEMA_VERSION);
  return found;
}
