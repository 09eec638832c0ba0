// Test helper: a store holding Lazarus Group, its malware, and indicators the fixtures' telemetry contains.
import type { Store } from '../../src/store/store.ts';

const T = '2025-01-01T00:00:00.000Z';
const base = { spec_version: '2.1', created: T, modified: T };

export const LAZARUS = 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a';
export const VOLGMER = 'malware--495b0b2b-7c34-4a5c-b0f7-f2e4d8a3a1c2';
export const IP_INDICATOR = 'indicator--11111111-1111-4111-8111-111111111111';
export const C2_INDICATOR = 'indicator--22222222-2222-4222-8222-222222222222';
export const DOMAIN_INDICATOR = 'indicator--33333333-3333-4333-8333-333333333333';
export const HASH_INDICATOR = 'indicator--44444444-4444-4444-8444-444444444444';
export const WALLET_INDICATOR = 'indicator--55555555-5555-4555-8555-555555555555';
export const SEQUENCE_INDICATOR = 'indicator--66666666-6666-4666-8666-666666666666';

const indicator = (id: string, name: string, pattern: string): Record<string, unknown> => ({
  type: 'indicator', ...base, id, name, pattern, pattern_type: 'stix', valid_from: T, indicator_types: ['malicious-activity'],
});

const relationship = (n: number, type: string, source: string, target: string): Record<string, unknown> => ({
  type: 'relationship', ...base, id: `relationship--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  relationship_type: type, source_ref: source, target_ref: target,
});

export async function seed(store: Store): Promise<void> {
  const objects = [
    { type: 'intrusion-set', ...base, id: LAZARUS, name: 'Lazarus Group' },
    { type: 'malware', ...base, id: VOLGMER, name: 'Volgmer', is_family: true },
    relationship(1, 'uses', LAZARUS, VOLGMER),
    indicator(IP_INDICATOR, 'Lazarus address', "[ipv4-addr:value = '196.38.48.121']"),
    relationship(2, 'indicates', IP_INDICATOR, LAZARUS),
    indicator(C2_INDICATOR, 'Volgmer C2 address', "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '198.51.100.7' AND network-traffic:dst_port = 443]"),
    relationship(3, 'indicates', C2_INDICATOR, VOLGMER),
    indicator(DOMAIN_INDICATOR, 'tpddata.com', "[domain-name:value = 'tpddata.com']"),
    relationship(4, 'indicates', DOMAIN_INDICATOR, LAZARUS),
    indicator(HASH_INDICATOR, 'Volgmer sample', "[file:hashes.MD5 = '2d2b88ae9f7e5b49b728ad7a1d220e84']"),
    relationship(5, 'indicates', HASH_INDICATOR, VOLGMER),
    indicator(WALLET_INDICATOR, 'sanctioned wallet', "[cryptocurrency-wallet:value = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96']"),
    indicator(SEQUENCE_INDICATOR, 'download after contact',
      "([network-traffic:dst_ref.value = '196.38.48.121'] FOLLOWEDBY [file:hashes.MD5 = '2d2b88ae9f7e5b49b728ad7a1d220e84']) WITHIN 60 SECONDS"),
  ];
  await store.put(objects.map((object) => ({ object })));
}
