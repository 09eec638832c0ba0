// Turns an Authorization header into the hub account it proves, without paying scrypt on every request.
import { createHash } from 'node:crypto';
import type { AccessStore } from '../store/access-store.ts';
import type { Account } from './model.ts';
import { parseAuthorization } from './credentials.ts';
import { hashSecret, newSecret, verifySecret } from './secret-hash.ts';

export type Authentication =
  | { outcome: 'anonymous' }
  | { outcome: 'rejected' }
  | { outcome: 'authenticated'; account: Account };

/** Most recent verifications kept; enough for every active partner, small enough to never matter. */
const CACHE_SIZE = 1024;

export class Authenticator {
  /**
   * Keys are the stored hash plus a SHA-256 of the presented secret: a changed password or a revoked token
   * (looked up on every request) no longer matches, so the cache never outlives a credential.
   */
  readonly #verified = new Map<string, true>();

  /** A hash of nothing anyone knows, checked against when the account or token does not exist. */
  readonly #dummy: Promise<string> = hashSecret(newSecret());

  constructor(private readonly access: AccessStore) {}

  async authenticate(header: string | undefined): Promise<Authentication> {
    const credentials = parseAuthorization(header);
    if (credentials === null) return { outcome: 'anonymous' };
    if (credentials === undefined) return { outcome: 'rejected' };
    let accountId: string;
    let hash: string | null;
    let secret: string;
    if (credentials.scheme === 'basic') {
      accountId = credentials.account;
      hash = await this.access.passwordHash(accountId);
      secret = credentials.password;
    } else {
      const found = await this.access.token(credentials.tokenId);
      if (!found || found.token.revoked) return { outcome: 'rejected' };
      accountId = found.token.account;
      hash = found.hash;
      secret = credentials.secret;
    }
    if (hash === null) {
      // Spend what a real check costs, so the answer time does not tell which account names exist.
      await verifySecret(secret, await this.#dummy);
      return { outcome: 'rejected' };
    }
    if (!(await this.#check(secret, hash))) return { outcome: 'rejected' };
    const account = await this.access.account(accountId);
    return account ? { outcome: 'authenticated', account } : { outcome: 'rejected' };
  }

  async #check(secret: string, hash: string): Promise<boolean> {
    const key = `${hash} ${createHash('sha256').update(secret).digest('base64')}`;
    if (this.#verified.has(key)) return true;
    if (!(await verifySecret(secret, hash))) return false;
    if (this.#verified.size >= CACHE_SIZE) this.#verified.delete(this.#verified.keys().next().value!);
    this.#verified.set(key, true);
    return true;
  }
}
