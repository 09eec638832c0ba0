// The SQLite schema, applied once per database file and versioned with `PRAGMA user_version`.

export const SCHEMA_VERSION = 3;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS versions (
  -- date_added in microseconds since the epoch: unique and increasing, so it also orders pages and
  -- answers added_after from the primary key.
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  -- '' for objects without versions (SCOs, marking definitions); otherwise the normalised 'modified'.
  version_key TEXT NOT NULL,
  modified TEXT,
  spec_version TEXT NOT NULL,
  created_by TEXT,
  revoked INTEGER NOT NULL,
  -- The most restrictive TLP level among object_marking_refs, or NULL.
  tlp TEXT,
  supplied_account TEXT,
  supplied_org TEXT,
  is_latest INTEGER NOT NULL,
  is_first INTEGER NOT NULL,
  json TEXT NOT NULL,
  UNIQUE (id, version_key)
);
CREATE INDEX IF NOT EXISTS versions_latest_type ON versions (is_latest, type);
CREATE INDEX IF NOT EXISTS versions_created_by ON versions (created_by);

-- Identifiers (and edge labels) as small integers, so that the edge index stays compact.
CREATE TABLE IF NOT EXISTS nodes (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE
);

-- Each edge is filed under the node that looks it up (see references.ts): one B-tree, no rowid. node, via
-- (a property or relationship type) and other are nodes.n. A reference is filed under its target and goes
-- from the object of version seq: other is 0. The edge an SRO makes is filed under each endpoint, and the SRO
-- is the object of version seq: other is the far endpoint, positive when node is the source, negative when
-- node is the target. What seq already says is not stored again.
CREATE TABLE IF NOT EXISTS edges (
  node INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  via INTEGER NOT NULL,
  other INTEGER NOT NULL,
  PRIMARY KEY (node, seq, via, other)
) WITHOUT ROWID;

-- Versions added to stored TAXII collections; 'added' comes from the same clock as versions.seq.
CREATE TABLE IF NOT EXISTS memberships (
  collection TEXT NOT NULL,
  added INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  id TEXT NOT NULL,
  version_key TEXT NOT NULL,
  is_latest INTEGER NOT NULL,
  is_first INTEGER NOT NULL,
  PRIMARY KEY (collection, added)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS memberships_object ON memberships (collection, id, version_key);

-- Principals ('org:…', 'account:…') an AMBER+STRICT or RED object is shared with.
CREATE TABLE IF NOT EXISTS recipients (
  id TEXT NOT NULL,
  principal TEXT NOT NULL,
  PRIMARY KEY (id, principal)
) WITHOUT ROWID;

-- Full-text search over the latest version of each object, rowid = versions.seq. Filled behind the writes
-- (see VersionWriter.indexSearch) so that imports do not pay for it; search_docs says which version of an
-- object is indexed, so that a newer one can replace it.
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
  name, aliases, body, ids, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS search_docs (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
