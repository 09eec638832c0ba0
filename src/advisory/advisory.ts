// The Advisory model: what a publishable warning says, shaped for people; every renderer reads only this.
import type { TlpLevel } from '../stix/tlp.ts';

/** A STIX object as parsed JSON. */
export type StixObject = Record<string, unknown>;

/** What the advisory was composed from: a stored report, or a hand-picked selection of objects. */
export type AdvisorySource =
  | { kind: 'report'; id: string; modified: string | null }
  | { kind: 'selection'; ids: string[] };

export interface Advisory {
  source: AdvisorySource;
  title: string;
  /** The level the advisory is shared at: the most restrictive marking it includes, or the level asked for. */
  tlp: TlpLevel;
  /** The report's description, or empty for a selection. */
  summary: string;
  /** When the report was published (RFC 3339), if it says. */
  published: string | null;
  /** Who wrote the report (its creator's name), if known. */
  producer: string | null;
  /** The report's own confidence (0–100), if given. */
  confidence: number | null;
  sectors: string[];
  countries: Place[];
  targets: Target[];
  actors: Actor[];
  campaigns: Campaign[];
  techniques: Technique[];
  software: Software[];
  indicators: IndicatorEntry[];
  detection: DetectionNote[];
  mitigations: Mitigation[];
  attributions: Attribution[];
  references: Reference[];
  /** Objects left out because they are more restrictive than the advisory's TLP. */
  withheld: Withheld[];
  /** Referenced ids that are not in the store (or not visible to the reader). */
  missing: string[];
  /** The stored report the advisory was composed from, exactly as stored; null for a selection. */
  report: StixObject | null;
  /** Every object the advisory cites (not the report itself), as stored. */
  objects: StixObject[];
  /** Creator identities and marking definitions the cited objects refer to, so a bundle stands on its own. */
  context: StixObject[];
}

export interface Place {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 code, when the location gives one. */
  country: string | null;
  region: string | null;
}

export interface Target {
  id: string;
  type: string;
  name: string;
  /** Names of the actors, campaigns or software that target it. */
  targetedBy: string[];
}

export interface Actor {
  id: string;
  type: 'intrusion-set' | 'threat-actor';
  name: string;
  /** Other names, without the actor's own name. */
  aliases: string[];
  /** The ATT&CK group id (G0032), when it has one. */
  attackId: string | null;
  url: string | null;
  description: string;
  motivation: string | null;
  firstSeen: string | null;
}

export interface Campaign {
  id: string;
  name: string;
  description: string;
  objective: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface Technique {
  id: string;
  /** The ATT&CK technique id (T1566.001), when it has one. */
  attackId: string | null;
  name: string;
  /** Tactic names from kill_chain_phases, e.g. "Initial Access". */
  tactics: string[];
  url: string | null;
  /** Names of the actors, campaigns and software in the advisory that use it. */
  usedBy: string[];
}

export interface Software {
  id: string;
  kind: 'malware' | 'tool';
  name: string;
  attackId: string | null;
  aliases: string[];
  /** malware_types or tool_types. */
  types: string[];
  url: string | null;
  usedBy: string[];
}

/** One value an indicator's pattern looks for, e.g. `ipv4-addr:value = '198.51.100.7'`. */
export interface Observable {
  /** The SCO type and property path as the pattern writes it: `ipv4-addr:value`, `file:hashes.MD5`. */
  path: string;
  objectType: string;
  operator: string;
  /** The value exactly as the pattern has it (live: safe only for machines). */
  value: string;
  /** The value made safe to show to people: `198[.]51[.]100[.]7`, `hxxp[:]//…`. */
  defanged: string;
}

export interface IndicatorEntry {
  id: string;
  name: string;
  /** The pattern exactly as stored. */
  pattern: string;
  patternType: string;
  observables: Observable[];
  /** Indicator types (malicious-activity, attribution, …). */
  types: string[];
  validFrom: string | null;
  validUntil: string | null;
  /** Names of what it indicates. */
  indicates: string[];
  /** The description, with the indicator's own values de-fanged. */
  description: string;
  tlp: TlpLevel | null;
}

export interface DetectionNote {
  text: string;
  from: 'indicator' | 'technique';
  /** What the note is about: indicator names, or technique ids and names. */
  subjects: string[];
}

export interface Mitigation {
  id: string;
  name: string;
  attackId: string | null;
  description: string;
  /** Technique labels it mitigates ("T1566.001 Spearphishing Attachment"). */
  mitigates: string[];
}

export type Stance = 'agrees' | 'disagrees' | 'neutral';

export interface OpinionEntry {
  id: string;
  /** The STIX opinion value: strongly-disagree … strongly-agree. */
  opinion: string;
  stance: Stance;
  explanation: string;
  /** The opinion's creator, or its authors. */
  by: string;
  created: string | null;
}

/** A claim that an actor is behind something, with who makes it and who contests it. */
export interface Attribution {
  /** The `attributed-to` relationship, or the report that names the actor. */
  id: string;
  kind: 'relationship' | 'report';
  /** What is attributed (the campaign, intrusion set or report name). */
  subject: string;
  /** To whom. */
  actor: string;
  claimedBy: string;
  confidence: number | null;
  description: string;
  sources: Reference[];
  opinions: OpinionEntry[];
  /** True when any opinion disagrees. */
  disputed: boolean;
}

export interface Reference {
  sourceName: string;
  url: string | null;
  externalId: string | null;
  description: string | null;
}

export interface Withheld {
  id: string;
  type: string;
  tlp: TlpLevel;
}
