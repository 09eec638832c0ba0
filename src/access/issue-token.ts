// Issues an API token: only its salted hash is kept; the full value is returned once, for its holder.
import type { AccessStore } from '../store/access-store.ts';
import { newToken } from './credentials.ts';
import { hashSecret } from './secret-hash.ts';

/** `now` in milliseconds since the epoch; without `lifetimeMs` the token works until it is revoked. */
export async function issueToken(access: AccessStore, account: string, now: number, lifetimeMs?: number): Promise<{ id: string; value: string }> {
  const token = newToken();
  const secret = token.value.slice(token.value.indexOf('.') + 1);
  await access.addToken({
    id: token.id, account, created: new Date(now).toISOString(), revoked: false,
    ...(lifetimeMs === undefined ? {} : { expires: new Date(now + lifetimeMs).toISOString() }),
  }, await hashSecret(secret));
  return token;
}
