// The AccessStore in the hub's SQLite file, on its own connection (writes are few and small).
import type { Database as Db, Statement } from 'better-sqlite3';
import type {
  AccessStore, Account, ApiToken, CollectionConfig, FeedConfig, Grant, Organisation, StoredStatus,
} from '../access-store.ts';
import { openConnection } from './connection.ts';
import { ACCESS_SCHEMA } from './access-schema.ts';

interface FeedRow {
  name: string;
  url: string;
  auth: FeedConfig['auth'];
  user: string | null;
  secret: string | null;
  added_after: string | null;
}

export class SqliteAccessStore implements AccessStore {
  readonly #db: Db;
  /** Statements prepared once: the TAXII server looks accounts, tokens and grants up on every request. */
  readonly #statements = new Map<string, Statement>();

  constructor(readonly file: string) {
    this.#db = openConnection(file);
    // This connection writes on the server's event loop (status resources on every POST): in WAL mode NORMAL
    // survives a crash of the process and costs no fsync per commit; only a power cut may lose the last statuses.
    this.#db.pragma('synchronous = NORMAL');
    this.#db.exec(ACCESS_SCHEMA);
    // Databases created before tokens could expire gain the column (NULL: never expires).
    const columns = this.#db.prepare('SELECT name FROM pragma_table_info(\'access_tokens\')').pluck().all() as string[];
    if (!columns.includes('expires')) this.#db.exec('ALTER TABLE access_tokens ADD COLUMN expires TEXT');
  }

  async addOrg(org: Organisation): Promise<void> {
    this.#prepare('INSERT INTO access_orgs (id, name) VALUES (?, ?)').run(org.id, org.name);
  }

  async org(id: string): Promise<Organisation | null> {
    return (this.#prepare('SELECT id, name FROM access_orgs WHERE id = ?').get(id) as Organisation | undefined) ?? null;
  }

  async orgs(): Promise<Organisation[]> {
    return this.#prepare('SELECT id, name FROM access_orgs ORDER BY id').all() as Organisation[];
  }

  async mapIdentity(identity: string, org: string): Promise<void> {
    this.#prepare('INSERT INTO access_identities (identity, org) VALUES (?, ?) ON CONFLICT (identity) DO UPDATE SET org = excluded.org')
      .run(identity, org);
  }

  async identitiesOf(org: string): Promise<string[]> {
    return (this.#prepare('SELECT identity FROM access_identities WHERE org = ? ORDER BY identity').all(org) as { identity: string }[])
      .map((row) => row.identity);
  }

  async addAccount(account: Account, passwordHash: string | null): Promise<void> {
    this.#prepare('INSERT INTO access_accounts (id, org, name, password_hash) VALUES (?, ?, ?, ?)')
      .run(account.id, account.org, account.name, passwordHash);
  }

  async account(id: string): Promise<Account | null> {
    return (this.#prepare('SELECT id, org, name FROM access_accounts WHERE id = ?').get(id) as Account | undefined) ?? null;
  }

  async accounts(): Promise<Account[]> {
    return this.#prepare('SELECT id, org, name FROM access_accounts ORDER BY id').all() as Account[];
  }

  async passwordHash(account: string): Promise<string | null> {
    const row = this.#prepare('SELECT password_hash FROM access_accounts WHERE id = ?').get(account) as { password_hash: string | null } | undefined;
    return row?.password_hash ?? null;
  }

  async setPasswordHash(account: string, hash: string): Promise<void> {
    this.#prepare('UPDATE access_accounts SET password_hash = ? WHERE id = ?').run(hash, account);
  }

  async addToken(token: ApiToken, hash: string): Promise<void> {
    this.#prepare('INSERT INTO access_tokens (id, account, hash, created, revoked, expires) VALUES (?, ?, ?, ?, ?, ?)')
      .run(token.id, token.account, hash, token.created, token.revoked ? 1 : 0, token.expires ?? null);
  }

  async token(id: string): Promise<{ token: ApiToken; hash: string } | null> {
    const row = this.#prepare('SELECT id, account, hash, created, revoked, expires FROM access_tokens WHERE id = ?').get(id) as
      { id: string; account: string; hash: string; created: string; revoked: number; expires: string | null } | undefined;
    if (!row) return null;
    const token: ApiToken = { id: row.id, account: row.account, created: row.created, revoked: row.revoked === 1 };
    if (row.expires !== null) token.expires = row.expires;
    return { token, hash: row.hash };
  }

  async tokens(account: string): Promise<ApiToken[]> {
    const rows = this.#prepare('SELECT id, account, created, revoked FROM access_tokens WHERE account = ? ORDER BY created').all(account) as
      { id: string; account: string; created: string; revoked: number }[];
    return rows.map((row) => ({ ...row, revoked: row.revoked === 1 }));
  }

  async revokeToken(id: string): Promise<boolean> {
    return this.#prepare('UPDATE access_tokens SET revoked = 1 WHERE id = ?').run(id).changes > 0;
  }

  async putCollection(collection: CollectionConfig): Promise<void> {
    this.#prepare(
      `INSERT INTO access_collections (id, api_root, alias, title, config) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET api_root = excluded.api_root, alias = excluded.alias, title = excluded.title, config = excluded.config`,
    ).run(collection.id, collection.apiRoot, collection.alias ?? null, collection.title, JSON.stringify(collection));
  }

  async collection(apiRoot: string, idOrAlias: string): Promise<CollectionConfig | null> {
    const row = this.#prepare('SELECT config FROM access_collections WHERE api_root = ? AND (id = ? OR alias = ?) ORDER BY id = ? DESC LIMIT 1')
      .get(apiRoot, idOrAlias, idOrAlias, idOrAlias) as { config: string } | undefined;
    return row ? JSON.parse(row.config) as CollectionConfig : null;
  }

  async collections(apiRoot?: string): Promise<CollectionConfig[]> {
    const rows = (apiRoot === undefined
      ? this.#prepare('SELECT config FROM access_collections ORDER BY api_root, title, id').all()
      : this.#prepare('SELECT config FROM access_collections WHERE api_root = ? ORDER BY title, id').all(apiRoot)) as { config: string }[];
    return rows.map((row) => JSON.parse(row.config) as CollectionConfig);
  }

  async grant(grant: Grant): Promise<void> {
    this.#prepare(
      `INSERT INTO access_grants (collection, principal, can_read, can_write) VALUES (?, ?, ?, ?)
       ON CONFLICT (collection, principal) DO UPDATE SET can_read = max(can_read, excluded.can_read), can_write = max(can_write, excluded.can_write)`,
    ).run(grant.collection, grant.principal, grant.read ? 1 : 0, grant.write ? 1 : 0);
  }

  async revoke(collection: string, principal: string, rights: { read: boolean; write: boolean }): Promise<boolean> {
    const db = this.#db;
    return db.transaction(() => {
      const changed = this.#prepare(
        `UPDATE access_grants SET can_read = CASE WHEN ? THEN 0 ELSE can_read END, can_write = CASE WHEN ? THEN 0 ELSE can_write END
         WHERE collection = ? AND principal = ?`,
      ).run(rights.read ? 1 : 0, rights.write ? 1 : 0, collection, principal).changes;
      this.#prepare('DELETE FROM access_grants WHERE collection = ? AND principal = ? AND can_read = 0 AND can_write = 0').run(collection, principal);
      return changed > 0;
    }).immediate();
  }

  async grants(collection: string): Promise<Grant[]> {
    const rows = this.#prepare('SELECT collection, principal, can_read, can_write FROM access_grants WHERE collection = ? ORDER BY principal')
      .all(collection) as { collection: string; principal: string; can_read: number; can_write: number }[];
    return rows.map((row) => ({ collection: row.collection, principal: row.principal, read: row.can_read === 1, write: row.can_write === 1 }));
  }

  async putStatus(status: StoredStatus): Promise<void> {
    this.#prepare('INSERT OR REPLACE INTO taxii_statuses (id, api_root, account, json) VALUES (?, ?, ?, ?)')
      .run(status.id, status.apiRoot, status.account, status.json);
  }

  async status(id: string): Promise<StoredStatus | null> {
    const row = this.#prepare('SELECT id, api_root, account, json FROM taxii_statuses WHERE id = ?').get(id) as
      { id: string; api_root: string; account: string; json: string } | undefined;
    return row ? { id: row.id, apiRoot: row.api_root, account: row.account, json: row.json } : null;
  }

  async putFeed(feed: FeedConfig): Promise<void> {
    this.#prepare(
      `INSERT INTO taxii_feeds (name, url, auth, user, secret, added_after) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET url = excluded.url, auth = excluded.auth, user = excluded.user, secret = excluded.secret, added_after = excluded.added_after`,
    ).run(feed.name, feed.url, feed.auth, feed.user, feed.secret, feed.addedAfter);
  }

  async feed(name: string): Promise<FeedConfig | null> {
    const row = this.#prepare('SELECT * FROM taxii_feeds WHERE name = ?').get(name) as FeedRow | undefined;
    return row ? toFeed(row) : null;
  }

  async feeds(): Promise<FeedConfig[]> {
    return (this.#prepare('SELECT * FROM taxii_feeds ORDER BY name').all() as FeedRow[]).map(toFeed);
  }

  async setFeedPosition(name: string, addedAfter: string): Promise<void> {
    this.#prepare('UPDATE taxii_feeds SET added_after = ? WHERE name = ?').run(addedAfter, name);
  }

  #prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}

function toFeed(row: FeedRow): FeedConfig {
  return { name: row.name, url: row.url, auth: row.auth, user: row.user, secret: row.secret, addedAfter: row.added_after };
}
