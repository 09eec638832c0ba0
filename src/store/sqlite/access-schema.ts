// Tables for accounts, rights, collections, TAXII status resources and feeds, beside the knowledge base.

export const ACCESS_SCHEMA = `
CREATE TABLE IF NOT EXISTS access_orgs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS access_identities (
  identity TEXT PRIMARY KEY,
  org TEXT NOT NULL REFERENCES access_orgs (id)
);
CREATE INDEX IF NOT EXISTS access_identities_org ON access_identities (org);
CREATE TABLE IF NOT EXISTS access_accounts (
  id TEXT PRIMARY KEY,
  org TEXT NOT NULL REFERENCES access_orgs (id),
  name TEXT NOT NULL,
  -- scrypt$N$r$p$salt$hash, or NULL for token-only accounts
  password_hash TEXT
);
CREATE TABLE IF NOT EXISTS access_tokens (
  id TEXT PRIMARY KEY,
  account TEXT NOT NULL REFERENCES access_accounts (id),
  hash TEXT NOT NULL,
  created TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0,
  expires TEXT
);
CREATE TABLE IF NOT EXISTS access_collections (
  id TEXT PRIMARY KEY,
  api_root TEXT NOT NULL,
  alias TEXT,
  title TEXT NOT NULL,
  -- the whole CollectionConfig as JSON
  config TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS access_collections_alias ON access_collections (api_root, alias);
CREATE TABLE IF NOT EXISTS access_grants (
  collection TEXT NOT NULL,
  principal TEXT NOT NULL,
  can_read INTEGER NOT NULL,
  can_write INTEGER NOT NULL,
  PRIMARY KEY (collection, principal)
);
CREATE TABLE IF NOT EXISTS taxii_statuses (
  id TEXT PRIMARY KEY,
  api_root TEXT NOT NULL,
  account TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS taxii_feeds (
  name TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  auth TEXT NOT NULL,
  user TEXT,
  secret TEXT,
  added_after TEXT
);
`;
