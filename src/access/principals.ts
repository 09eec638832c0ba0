// The principal names an account answers to in grants and recipient lists.
import type { Account } from './model.ts';

export const EVERYONE = '*';

export function accountPrincipal(id: string): string {
  return `account:${id}`;
}

export function orgPrincipal(id: string): string {
  return `org:${id}`;
}

/** Every principal that designates `account`, most specific first. */
export function principalsOf(account: Account): string[] {
  return [accountPrincipal(account.id), orgPrincipal(account.org), EVERYONE];
}

/** True when `principal` is a well-formed principal name. */
export function isPrincipal(principal: string): boolean {
  return principal === EVERYONE || /^(account|org):[A-Za-z0-9._@-]+$/.test(principal);
}
