// Turns an Authorization header into the hub account it proves, without paying scrypt on every request.
import { createHash } from 'node:crypto';
import type { AccessStore } from '../store/access-store.ts';
import type { Account } from './model.ts';
import { parseAuthorization, type Credentials } from './credentials.ts';
import { FailureThrottle } from './failure-throttle.ts';
import { hashSecret, newSecret, verifySecret } from './secret-hash.ts';

export type Authentication =
  | { outcome: 'anonymous' }
  | { outcome: 'rejected' }
  /** Too many recent failures for these credentials from this client; `retryAfter` is in seconds. */
  | { outcome: 'throttled'; retryAfter: number }
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

  readonly #throttle: FailureThrottle;

  constructor(private readonly access: AccessStore, private readonly now: () => number = Date.now) {
    this.#throttle = new FailureThrottle(undefined, now);
  }

  /** `client` (e.g. the remote address) keys the failure throttle together with the account or token. */
  async authenticate(header: string | undefined, client = ''): Promise<Authentication> {
    const credentials = parseAuthorization(header);
    if (credentials === null) return { outcome: 'anonymous' };
    if (credentials === undefined) return { outcome: 'rejected' };
    const key = `${client} ${credentials.scheme === 'basic' ? `account:${credentials.account}` : `token:${credentials.tokenId}`}`;
    const retryAfter = this.#throttle.retryAfter(key);
    if (retryAfter > 0) return { outcome: 'throttled', retryAfter };
    const result = await this.#verify(credentials);
    if (result.outcome === 'authenticated') this.#throttle.succeed(key);
    else this.#throttle.fail(key);
    return result;
  }

  async #verify(credentials: Credentials): Promise<Authentication> {
    let accountId: string;
    let hash: string | null;
    let secret: string;
    if (credentials.scheme === 'basic') {
      accountId = credentials.account;
      hash = await this.access.passwordHash(accountId);
      secret = credentials.password;
    } else {
      const found = await this.access.token(credentials.tokenId);
      if (!found || found.token.revoked || expired(found.token.expires, this.now())) return { outcome: 'rejected' };
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

function expired(expires: string | undefined, now: number): boolean {
  return expires !== undefined && Date.parse(expires) <= now;
}
