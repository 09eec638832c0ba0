// The `cryptocurrency-wallet` SCO STIX 2.1 lacks, defined the way §7.3 asks for new object types.
//
// STIX 2.1 defines no wallet observable. Section 11.2 still allows custom object types, but a bare custom
// type is read as an SDO (it would need `created`/`modified`), and §7.3 extension definitions are the
// 2.1 mechanism for new types (§11 custom content is kept for compatibility). So the wallet is a new SCO:
// one `extension-definition` (extension_types ["new-sco"]) created by Tocsin, and every wallet names it
// in `extensions`. Its own properties are `value` (the address, exactly as listed) and `currency` (the
// listing's currency code: XBT, ETH, USDT…). Like the spec's SCOs (§2.9) its id is a UUIDv5 in the SCO
// namespace over the JCS-canonical ID contributing properties, here {currency, value}: the same address
// listed for two currencies is two observables, as the sanctions list has it.
import { deterministicId, STIX_SCO_NAMESPACE, uuidV5 } from './deterministic-id.ts';
import { TOCSIN_IDENTITY } from './source-identities.ts';
import type { StixObject } from './stix-object.ts';

export const WALLET_TYPE = 'cryptocurrency-wallet';

const DEFINITION_DATE = '2026-11-23T00:00:00.000Z';

export const WALLET_EXTENSION_DEFINITION: StixObject = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: deterministicId('extension-definition', 'tocsin', WALLET_TYPE),
  created_by_ref: TOCSIN_IDENTITY.id,
  created: DEFINITION_DATE,
  modified: DEFINITION_DATE,
  name: 'Cryptocurrency wallet',
  description: 'A new STIX Cyber-observable Object for a cryptocurrency wallet address.',
  schema:
    'New SCO type "cryptocurrency-wallet" with properties "value" (string, required: the wallet address as ' +
    'published) and "currency" (string: the currency code, e.g. XBT, ETH, USDT). ID contributing properties: ' +
    'currency, value (UUIDv5 in the STIX SCO namespace over their JCS-canonical JSON). Patterns match it as ' +
    "[cryptocurrency-wallet:value = '...'].",
  version: '1.0.0',
  extension_types: ['new-sco'],
};

/** The wallet observable for one listed address. */
export function walletObject(currency: string, address: string): StixObject {
  // Keys in JCS (RFC 8785) order; both values are ASCII, so JSON.stringify escapes them canonically.
  const idName = `{"currency":${JSON.stringify(currency)},"value":${JSON.stringify(address)}}`;
  return {
    type: WALLET_TYPE,
    spec_version: '2.1',
    id: `${WALLET_TYPE}--${uuidV5(STIX_SCO_NAMESPACE, idName)}`,
    value: address,
    currency,
    extensions: { [WALLET_EXTENSION_DEFINITION.id]: { extension_type: 'new-sco' } },
  };
}
