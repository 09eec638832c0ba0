// TLP 2.0 entitlements of one account reading one collection, as the store's Visibility filter.
import { TLP_LEVELS, type TlpLevel } from '../stix/tlp.ts';
import type { Visibility } from '../store/store.ts';
import type { Account, CollectionConfig } from './model.ts';
import { accountPrincipal, orgPrincipal } from './principals.ts';

/**
 * CLEAR: anyone allowed into the collection. GREEN: accounts of the collection's community. AMBER: the
 * collection's audience organisations. AMBER+STRICT: the producing organisation (identities mapped to it)
 * and the principals the object names. RED: only individually named accounts.
 * `producerIdentities` are the STIX identity ids mapped to the account's organisation.
 */
export function visibilityFor(account: Account, collection: CollectionConfig, producerIdentities: readonly string[]): Visibility {
  const levels: TlpLevel[] = ['clear'];
  if (collection.community === null || collection.community.includes(account.org)) levels.push('green');
  if (collection.audience.includes(account.org)) levels.push('amber');
  const visibility: Visibility = {
    levels,
    unmarked: collection.defaultTlp,
    strictProducers: [...producerIdentities],
    strictPrincipals: [orgPrincipal(account.org), accountPrincipal(account.id)],
    redPrincipals: [accountPrincipal(account.id)],
  };
  const ceiling = collection.filter?.tlpCeiling;
  return ceiling === undefined ? visibility : capped(visibility, ceiling);
}

/** A view's TLP ceiling removes every level above it, whatever the reader would otherwise be entitled to. */
function capped(visibility: Visibility, ceiling: TlpLevel): Visibility {
  const rank = TLP_LEVELS.indexOf(ceiling);
  const allowed = (level: TlpLevel): boolean => TLP_LEVELS.indexOf(level) <= rank;
  return {
    levels: visibility.levels.filter(allowed),
    unmarked: visibility.unmarked,
    strictProducers: allowed('amber+strict') ? visibility.strictProducers : [],
    strictPrincipals: allowed('amber+strict') ? visibility.strictPrincipals : [],
    redPrincipals: allowed('red') ? visibility.redPrincipals : [],
  };
}
