// The SQLite schema, applied once per database file and versioned with `PRAGMA user_version`.

export const SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS versions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  -- '' for objects without versions (SCOs, marking definitions); otherwise the normalised 'modified'.
  version_key TEXT NOT NULL,
  modified TEXT,
  spec_version TEXT NOT NULL,
  added_us INTEGER NOT NULL UNIQUE,
  created_by TEXT,
  revoked INTEGER NOT NULL,
  is_latest INTEGER NOT NULL,
  is_first INTEGER NOT NULL,
  json TEXT NOT NULL,
  UNIQUE (id, version_key)
);
CREATE INDEX IF NOT EXISTS versions_latest_type ON versions (is_latest, type);
CREATE INDEX IF NOT EXISTS versions_created_by ON versions (created_by);

CREATE TABLE IF NOT EXISTS edges (
  seq INTEGER NOT NULL REFERENCES versions (seq),
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  via TEXT NOT NULL,
  through TEXT
);
CREATE INDEX IF NOT EXISTS edges_source ON edges (source);
CREATE INDEX IF NOT EXISTS edges_target ON edges (target);
CREATE INDEX IF NOT EXISTS edges_seq ON edges (seq);

CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
