// §4 STIX Domain Objects: the type-specific property tables of all nineteen SDOs (common properties come from common.ts).
import { defineType } from './common.ts';
import {
  anyValue, bool, dictOf, en, float, int, killChainPhase, list, ov, ref, shape, str, strings, timestamp,
  type TypeSpec,
} from './model.ts';
import * as V from './vocab.ts';

const anyRefs = list(ref());
const kcp = list(killChainPhase);

const sdo = (type: string, section: string, required: Parameters<typeof shape>[2], optional: Parameters<typeof shape>[3]) =>
  defineType('sdo', type, section, shape(type, section, required, optional));

export const SDO_TYPES: readonly TypeSpec[] = [
  sdo('attack-pattern', '4.1', { name: str }, { description: str, aliases: strings, kill_chain_phases: kcp }),
  sdo('campaign', '4.2', { name: str }, {
    description: str, aliases: strings, first_seen: timestamp, last_seen: timestamp, objective: str,
  }),
  sdo('course-of-action', '4.3', { name: str }, { description: str }),
  sdo('grouping', '4.4', { context: ov(V.GROUPING_CONTEXT), object_refs: anyRefs }, { name: str, description: str }),
  sdo('identity', '4.5', { name: str }, {
    description: str, roles: strings, identity_class: ov(V.IDENTITY_CLASS), sectors: list(ov(V.INDUSTRY_SECTOR)),
    contact_information: str,
  }),
  sdo('incident', '4.6', { name: str }, { description: str, kill_chain_phases: kcp }),
  sdo('indicator', '4.7', { pattern: str, pattern_type: ov(V.PATTERN_TYPE), valid_from: timestamp }, {
    name: str, description: str, indicator_types: list(ov(V.INDICATOR_TYPE)), pattern_version: str,
    valid_until: timestamp, kill_chain_phases: kcp,
  }),
  sdo('infrastructure', '4.8', { name: str }, {
    description: str, infrastructure_types: list(ov(V.INFRASTRUCTURE_TYPE)), aliases: strings, kill_chain_phases: kcp,
    first_seen: timestamp, last_seen: timestamp,
  }),
  sdo('intrusion-set', '4.9', { name: str }, {
    description: str, aliases: strings, first_seen: timestamp, last_seen: timestamp, goals: strings,
    resource_level: ov(V.ATTACK_RESOURCE_LEVEL), primary_motivation: ov(V.ATTACK_MOTIVATION),
    secondary_motivations: list(ov(V.ATTACK_MOTIVATION)),
  }),
  sdo('location', '4.10', {}, {
    name: str, description: str, latitude: float(-90, 90, '4.10'), longitude: float(-180, 180, '4.10'),
    precision: float(0, undefined, '4.10'), region: ov(V.REGION), country: str, administrative_area: str, city: str,
    street_address: str, postal_code: str,
  }),
  sdo('malware', '4.11', { is_family: bool }, {
    name: str, description: str, malware_types: list(ov(V.MALWARE_TYPE)), aliases: strings, kill_chain_phases: kcp,
    first_seen: timestamp, last_seen: timestamp, operating_system_refs: list(ref('software')),
    architecture_execution_envs: list(ov(V.PROCESSOR_ARCHITECTURE)),
    implementation_languages: list(ov(V.IMPLEMENTATION_LANGUAGE)), capabilities: list(ov(V.MALWARE_CAPABILITIES)),
    sample_refs: list(ref('file', 'artifact')),
  }),
  sdo('malware-analysis', '4.12', { product: str }, {
    version: str, host_vm_ref: ref('software'), operating_system_ref: ref('software'),
    installed_software_refs: list(ref('software')), configuration_version: str, modules: strings,
    analysis_engine_version: str, analysis_definition_version: str, submitted: timestamp, analysis_started: timestamp,
    analysis_ended: timestamp, result_name: str, result: ov(V.MALWARE_RESULT), analysis_sco_refs: anyRefs,
    sample_ref: ref('file', 'artifact', 'network-traffic'),
  }),
  sdo('note', '4.13', { content: str, object_refs: anyRefs }, { abstract: str, authors: strings }),
  sdo('observed-data', '4.14', {
    first_observed: timestamp, last_observed: timestamp, number_observed: int(1, 999_999_999, '4.14'),
  }, { objects: dictOf(anyValue), object_refs: anyRefs }),
  sdo('opinion', '4.15', { opinion: en(V.OPINION), object_refs: anyRefs }, { explanation: str, authors: strings }),
  sdo('report', '4.16', { name: str, published: timestamp, object_refs: anyRefs }, {
    description: str, report_types: list(ov(V.REPORT_TYPE)),
  }),
  sdo('threat-actor', '4.17', { name: str }, {
    description: str, threat_actor_types: list(ov(V.THREAT_ACTOR_TYPE)), aliases: strings, first_seen: timestamp,
    last_seen: timestamp, roles: list(ov(V.THREAT_ACTOR_ROLE)), goals: strings,
    sophistication: ov(V.THREAT_ACTOR_SOPHISTICATION), resource_level: ov(V.ATTACK_RESOURCE_LEVEL),
    primary_motivation: ov(V.ATTACK_MOTIVATION), secondary_motivations: list(ov(V.ATTACK_MOTIVATION)),
    personal_motivations: list(ov(V.ATTACK_MOTIVATION)),
  }),
  sdo('tool', '4.18', { name: str }, {
    description: str, tool_types: list(ov(V.TOOL_TYPE)), aliases: strings, kill_chain_phases: kcp, tool_version: str,
  }),
  sdo('vulnerability', '4.19', { name: str }, { description: str }),
];
