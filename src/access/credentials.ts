// Reads the Authorization header: HTTP Basic (RFC 7617) or a bearer API token (RFC 6750).
import { randomBytes } from 'node:crypto';
import { newSecret } from './secret-hash.ts';

export type Credentials =
  | { scheme: 'basic'; account: string; password: string }
  | { scheme: 'bearer'; tokenId: string; secret: string };

const TOKEN_PREFIX = 'tocsin_';

/** A new API token: its id (stored in clear, to find the hash) and the full value shown once to the user. */
export function newToken(): { id: string; value: string } {
  // Hex, not base64url: an id starting with '-' would read as an option in `tocsin token revoke ID`.
  const id = randomBytes(6).toString('hex');
  return { id, value: `${TOKEN_PREFIX}${id}.${newSecret()}` };
}

/** The credentials in an Authorization header, null when absent, undefined when present but unreadable. */
export function parseAuthorization(header: string | undefined): Credentials | null | undefined {
  if (header === undefined || header === '') return null;
  const space = header.indexOf(' ');
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (space < 0) return undefined;
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return undefined;
    return { scheme: 'basic', account: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (scheme === 'bearer') {
    if (!value.startsWith(TOKEN_PREFIX)) return undefined;
    const dot = value.indexOf('.', TOKEN_PREFIX.length);
    if (dot < 0) return undefined;
    return { scheme: 'bearer', tokenId: value.slice(TOKEN_PREFIX.length, dot), secret: value.slice(dot + 1) };
  }
  return undefined;
}
