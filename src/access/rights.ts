// What an account may do with a collection: the union of the grants naming it, its organisation or everyone.
import type { Account, CollectionConfig, Grant, Rights } from './model.ts';
import { principalsOf } from './principals.ts';

export function rightsFor(account: Account, collection: CollectionConfig, grants: readonly Grant[]): Rights {
  const mine = new Set(principalsOf(account));
  let read = false;
  let write = false;
  for (const grant of grants) {
    if (grant.collection !== collection.id || !mine.has(grant.principal)) continue;
    read ||= grant.read;
    write ||= grant.write;
  }
  // A view is a saved query over the whole knowledge base: there is nothing to add objects to.
  if (collection.kind === 'view') write = false;
  return { read, write };
}

/** A collection the account has no right on at all is one it may not know exists (answered with 404). */
export function mayKnow(rights: Rights): boolean {
  return rights.read || rights.write;
}
