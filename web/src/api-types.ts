// The shapes the hub's web API answers with (src/web-api), as the UI reads them.

export type TlpLevel = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

export interface ObjectSummary {
  id: string;
  type: string;
  name: string;
  tlp: TlpLevel | null;
  revoked: boolean;
  externalId: string | null;
  modified: string | null;
  dateAdded: string;
}

export interface SessionAccount {
  id: string;
  org: string;
  name: string;
  orgName: string;
  /** The level the knowledge base assumes for objects without a TLP marking. */
  defaultTlp: TlpLevel;
}

export interface TypeCount {
  type: string;
  count: number;
}

export interface Home {
  counts: TypeCount[];
  total: number;
  actors: (ObjectSummary & { activity: number; aliases: string[] })[];
  recent: { report: ObjectSummary[]; indicator: ObjectSummary[]; sighting: ObjectSummary[] };
  since: string | null;
  newSince: { report: number; indicator: number; sighting: number };
}

export interface SearchHit extends ObjectSummary {
  aliases: string[];
  description: string;
  pattern: string | null;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  facets: TypeCount[];
  total: number;
  tookMs: number;
}

export interface PropertyChange {
  property: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface RelatedItem {
  other: ObjectSummary;
  via: (ObjectSummary & { confidence: number | null; description: string }) | null;
}

export interface RelationshipGroup {
  kind: string;
  direction: 'out' | 'in';
  relationship: boolean;
  total: number;
  items: RelatedItem[];
}

export interface TimelineEntry {
  date: string;
  kind: 'report' | 'sighting';
  object: ObjectSummary;
  count: number | null;
  indicator: ObjectSummary | null;
}

export interface ObjectPage {
  summary: ObjectSummary;
  object: Record<string, unknown>;
  versions: { modified: string | null; dateAdded: string; tlp: TlpLevel | null; revoked: boolean; changes: PropertyChange[] }[];
  relationships: RelationshipGroup[];
  markings: { id: string; name: string; tlp: TlpLevel | null }[];
  provenance: {
    createdBy: ObjectSummary | null;
    createdById: string | null;
    firstAdded: string;
    suppliedByMyOrg: boolean;
    references: { source: string; id: string | null; url: string | null; description: string | null }[];
  };
  timeline: TimelineEntry[] | null;
  sightings: { sighting: ObjectSummary; firstSeen: string | null; lastSeen: string | null; count: number }[];
}

export interface MatrixTechnique extends ObjectSummary {
  used: boolean;
  subtechnique: boolean;
}

export interface Matrix {
  columns: { shortname: string; name: string; externalId: string | null; techniques: MatrixTechnique[] }[];
  used: number;
  unplaced: ObjectSummary[];
}

export interface GraphStep {
  centre: string;
  nodes: ObjectSummary[];
  edges: { source: string; target: string; via: string; through: string | null }[];
  neighbours: TypeCount[];
  truncated: boolean;
}

export interface Opinion {
  opinion: ObjectSummary;
  stance: string;
  agrees: boolean | null;
  explanation: string;
  authors: string[];
  by: ObjectSummary | null;
  created: string | null;
}

export interface Claim {
  kind: 'attributed-to' | 'report';
  claim: ObjectSummary;
  attributed: ObjectSummary | null;
  to: ObjectSummary | null;
  by: ObjectSummary | null;
  confidence: number | null;
  description: string;
  sources: { report: ObjectSummary | null; name: string; url: string | null }[];
  opinions: Opinion[];
}

export interface Attribution {
  subject: ObjectSummary;
  claims: Claim[];
  disputed: boolean;
}

export interface Sightings {
  total: number;
  sightings: { sighting: ObjectSummary; firstSeen: string | null; lastSeen: string | null; count: number; indicator: ObjectSummary | null; actors: ObjectSummary[] }[];
}

export interface ReportListing extends ObjectSummary {
  published: string | null;
  objects: number;
}

export interface AdvisoryPreview {
  title: string;
  tlp: TlpLevel;
  summary: string;
  published: string | null;
  producer: string | null;
  sectors: string[];
  actors: { id: string; name: string; aliases: string[]; attackId: string | null }[];
  techniques: { id: string; attackId: string | null; name: string; tactics: string[] }[];
  software: { id: string; name: string; kind: string }[];
  /** A sample; `indicatorCount` says how many the advisory has. */
  indicators: unknown[];
  indicatorCount: number;
  mitigations: unknown[];
  attributions: unknown[];
  withheld: { id: string }[];
  objectCount: number;
}
