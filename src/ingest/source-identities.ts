// The producers converted objects are credited to (`created_by_ref`): one fixed identity per source.
import { deterministicId } from './deterministic-id.ts';
import type { StixObject } from './stix-object.ts';

// A constant, not the clock: every run must emit byte-identical identities. It is the date the
// demo's source files were collected (data README, "Collected: 2026-11-23").
const IDENTITY_DATE = '2026-11-23T00:00:00.000Z';

function identity(key: string, fields: Record<string, unknown>): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: deterministicId('identity', 'source', key),
    created: IDENTITY_DATE,
    modified: IDENTITY_DATE,
    ...fields,
  };
}

export const MALTRAIL_IDENTITY = identity('maltrail', {
  name: 'Maltrail',
  description: 'Maltrail project: community-maintained static trails (domains, IP addresses, URLs) of malicious and suspicious activity.',
  identity_class: 'group',
  external_references: [{ source_name: 'github', url: 'https://github.com/stamparm/maltrail' }],
});

export const US_CERT_IDENTITY = identity('us-cert', {
  name: 'US-CERT',
  description: 'United States Computer Emergency Readiness Team, US Department of Homeland Security (now part of CISA).',
  identity_class: 'organization',
  sectors: ['government-national'],
  contact_information: 'https://www.cisa.gov/',
});

export const OFAC_IDENTITY = identity('ofac', {
  name: 'Office of Foreign Assets Control',
  description: 'Office of Foreign Assets Control (OFAC), US Department of the Treasury; publishes the Specially Designated Nationals (SDN) list.',
  identity_class: 'organization',
  sectors: ['government-national'],
  contact_information: 'https://ofac.treasury.gov/',
});

export const US_DOJ_IDENTITY = identity('us-doj', {
  name: 'United States Department of Justice',
  identity_class: 'organization',
  sectors: ['government-national'],
  contact_information: 'https://www.justice.gov/',
});

export const DPRK_MFA_IDENTITY = identity('dprk-mfa', {
  name: "Ministry of Foreign Affairs of the Democratic People's Republic of Korea",
  identity_class: 'organization',
  sectors: ['government-national'],
});

/** Tocsin itself: the creator of the definitions it adds to STIX (the cryptocurrency-wallet SCO). */
export const TOCSIN_IDENTITY = identity('tocsin', {
  name: 'Tocsin',
  description: 'Tocsin open threat-intelligence hub (the project that defines the objects it adds to STIX 2.1).',
  identity_class: 'system',
});
