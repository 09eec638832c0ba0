// The demo's contested attribution: a government report attributing a bank theft to Lazarus Group, and the accused state's denial.
//
// STIX 2.1 has no "dispute" object; a claim is a `report` (§4.14) whose `object_refs` carry the
// `attributed-to` relationship (§4.3, campaign → intrusion-set), and a party that rejects it publishes an
// `opinion` (§4.11) on that report and relationship. Both sit in the graph side by side; neither is
// resolved by Tocsin. The text stays factual: who claims what, and that the ministry denies it.
import { LAZARUS_GROUP } from './attack-groups.ts';
import { deterministicId } from './deterministic-id.ts';
import { DPRK_MFA_IDENTITY, US_DOJ_IDENTITY } from './source-identities.ts';
import { sdoHeader, type StixObject } from './stix-object.ts';
import { TLP_CLEAR } from './tlp-markings.ts';

// The US complaint was unsealed on 6 September 2018; the denial is modelled a few days later.
const CLAIM_DATE = '2018-09-06T00:00:00.000Z';
const DENIAL_DATE = '2018-09-14T00:00:00.000Z';

export const DEMO_CAMPAIGN_ID = deterministicId('campaign', 'demo', 'bangladesh-bank-2016');
export const DEMO_ATTRIBUTION_ID = deterministicId('relationship', 'demo', 'bangladesh-bank-2016', 'attributed-to', LAZARUS_GROUP.stixId);
export const DEMO_REPORT_ID = deterministicId('report', 'demo', 'us-v-park-jin-hyok');
export const DEMO_OPINION_ID = deterministicId('opinion', 'demo', 'dprk-mfa', DEMO_REPORT_ID);

const CLEAR = { object_marking_refs: [TLP_CLEAR] };

/** The identities, campaign, attribution, report and opinion of the demo, in dependency order. */
export function contestedAttributionObjects(): StixObject[] {
  const complaint = {
    source_name: 'US Department of Justice',
    description: 'Criminal complaint United States v. Park Jin Hyok (C.D. Cal.), unsealed 6 September 2018.',
  };
  return [
    US_DOJ_IDENTITY,
    DPRK_MFA_IDENTITY,
    {
      ...sdoHeader('campaign', DEMO_CAMPAIGN_ID, US_DOJ_IDENTITY.id, CLAIM_DATE),
      name: 'Bangladesh Bank theft (2016)',
      description:
        "Fraudulent SWIFT payment orders sent in February 2016 from Bangladesh Bank's systems sought to move about " +
        'USD 951 million from its account at the Federal Reserve Bank of New York; about USD 81 million was lost.',
      first_seen: '2016-02-04T00:00:00.000Z',
      objective: 'Theft of funds from a central bank through the SWIFT network.',
      ...CLEAR,
    },
    {
      ...sdoHeader('relationship', DEMO_ATTRIBUTION_ID, US_DOJ_IDENTITY.id, CLAIM_DATE),
      relationship_type: 'attributed-to',
      description: 'The US complaint attributes the theft to the group private-sector researchers call Lazarus Group.',
      source_ref: DEMO_CAMPAIGN_ID,
      target_ref: LAZARUS_GROUP.stixId,
      confidence: 85,
      external_references: [complaint],
      ...CLEAR,
    },
    {
      ...sdoHeader('report', DEMO_REPORT_ID, US_DOJ_IDENTITY.id, CLAIM_DATE),
      name: 'US complaint attributing the 2016 Bangladesh Bank theft to Lazarus Group',
      description:
        'The United States charged a North Korean national and attributed the 2016 Bangladesh Bank theft, among other ' +
        'operations, to the conspiracy known as Lazarus Group. Modelled in Tocsin as a demo of a contested attribution.',
      report_types: ['campaign', 'threat-actor'],
      published: CLAIM_DATE,
      object_refs: [DEMO_CAMPAIGN_ID, DEMO_ATTRIBUTION_ID, LAZARUS_GROUP.stixId],
      confidence: 85,
      external_references: [complaint],
      ...CLEAR,
    },
    {
      ...sdoHeader('opinion', DEMO_OPINION_ID, DPRK_MFA_IDENTITY.id, DENIAL_DATE),
      explanation: 'The ministry denies the attribution.',
      authors: [DPRK_MFA_IDENTITY.name],
      opinion: 'strongly-disagree',
      object_refs: [DEMO_REPORT_ID, DEMO_ATTRIBUTION_ID],
      ...CLEAR,
    },
  ];
}
