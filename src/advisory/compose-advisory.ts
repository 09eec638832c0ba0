// composeAdvisory: turns a stored report (or a selection of objects) and what it leads to into an Advisory.
import type { Store } from '../store/store.ts';
import { TLP_LEVELS, tlpLevelOf, type TlpLevel } from '../stix/tlp.ts';
import type {
  Actor, Advisory, Campaign, DetectionNote, IndicatorEntry, Mitigation, Observable, Place, Reference, Software,
  StixObject, Target, Technique,
} from './advisory.ts';
import { attributions } from './attributions.ts';
import { EmptySelectionError, NotAReportError, ReportNotFoundError, TlpCeilingError } from './errors.ts';
import { gatherCited, type GatherOptions } from './gather-cited.ts';
import { attackRef, externalRefs, Lookup, stringOrNull, strings, toReference, unique } from './lookup.ts';
import { patternObservables } from './pattern-observables.ts';
import { phaseLabel, readableText } from './readable-text.ts';

export interface ComposeOptions extends GatherOptions {
  /** A title instead of the report's name. */
  title?: string;
  /**
   * Follow relationships out from the actors, campaigns and software named. Default: yes, except for a report
   * Tocsin published as an advisory, which already names everything it says (following again would widen it
   * with every republication); say `true` to refresh such a report with what the hub has learnt since.
   */
  follow?: boolean;
}

/** Marks a report Tocsin published: its object_refs are a composed advisory's complete contents. */
export const COMPOSED_PROPERTY = 'x_tocsin_composed';

/** `from` is a report id, or a list of object ids to compose from. */
export async function composeAdvisory(store: Store, from: string | string[], options: ComposeOptions = {}): Promise<Advisory> {
  const report = typeof from === 'string' ? await loadReport(store, from, options) : null;
  const scope = report ? strings(report.object_refs) : unique(from as string[]);
  if (!report && scope.length === 0) throw new EmptySelectionError([]);
  const follow = options.follow ?? report?.[COMPOSED_PROPERTY] !== true;
  const gathered = await gatherCited(store, scope, report, { ...options, follow });
  if (!report && gathered.cited.size === 0) throw new EmptySelectionError(gathered.missing);

  const cited = [...gathered.cited.values()];
  const lookup = new Lookup(cited, [...gathered.context.values()], report);
  const indicators = indicatorEntries(lookup);
  const techniques = techniqueEntries(lookup);
  return {
    source: report
      ? { kind: 'report', id: report.id as string, modified: stringOrNull(report.modified) }
      : { kind: 'selection', ids: scope },
    title: options.title ?? (report ? lookup.name(report.id) : selectionTitle(lookup, scope)),
    tlp: options.tlp ?? mostRestrictive([...(report ? [report] : []), ...cited]),
    summary: report ? readableText(report.description) : '',
    published: report ? stringOrNull(report.published) : null,
    producer: report && typeof report.created_by_ref === 'string' ? lookup.name(report.created_by_ref) : null,
    confidence: report && typeof report.confidence === 'number' ? report.confidence : null,
    ...victims(lookup, report),
    actors: lookup.ofType('intrusion-set', 'threat-actor').map((o) => actorEntry(o)).sort(byName),
    campaigns: lookup.ofType('campaign').map((o) => campaignEntry(o)).sort(byName),
    techniques,
    software: softwareEntries(lookup),
    indicators,
    detection: detectionNotes(lookup, indicators, techniques),
    mitigations: mitigationEntries(lookup),
    attributions: attributions(lookup, report),
    references: references(lookup, report),
    withheld: gathered.withheld,
    missing: gathered.missing,
    report,
    objects: cited,
    context: [...gathered.context.values()],
  };
}

async function loadReport(store: Store, id: string, options: ComposeOptions): Promise<StixObject> {
  const page = await store.query({ ids: [id], versions: 'latest', ...(options.visibility ? { visibility: options.visibility } : {}) });
  const version = page.versions[0];
  if (!version) throw new ReportNotFoundError(id);
  if (version.type !== 'report') throw new NotAReportError(id, version.type);
  const report = JSON.parse(version.json) as StixObject;
  const level = tlpLevelOf(report);
  if (options.tlp && level && TLP_LEVELS.indexOf(level) > TLP_LEVELS.indexOf(options.tlp)) {
    throw new TlpCeilingError(id, level, options.tlp);
  }
  return report;
}

/** The most restrictive TLP among the objects; CLEAR when none carries a TLP marking. */
function mostRestrictive(objects: StixObject[]): TlpLevel {
  let rank = 0;
  for (const object of objects) {
    const level = tlpLevelOf(object);
    if (level) rank = Math.max(rank, TLP_LEVELS.indexOf(level));
  }
  return TLP_LEVELS[rank]!;
}

/** Named for the actors and campaigns the user picked, not those following brought in. */
function selectionTitle(lookup: Lookup, scope: string[]): string {
  const picked = new Set(scope);
  const actors = lookup.ofType('intrusion-set', 'threat-actor', 'campaign').filter((o) => picked.has(o.id as string)).map((o) => lookup.name(o.id));
  return actors.length > 0 ? `Advisory: ${actors.join(', ')}` : 'Advisory';
}

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);

/** Who is affected: targeted identities and locations, and the ones a report names that did not write anything. */
function victims(lookup: Lookup, report: StixObject | null): { sectors: string[]; countries: Place[]; targets: Target[] } {
  const creators = new Set([...lookup.cited, ...(report ? [report] : [])].map((o) => o.created_by_ref));
  const targetedBy = new Map<string, string[]>();
  for (const rel of lookup.related('targets')) {
    const list = targetedBy.get(rel.target_ref as string) ?? [];
    list.push(lookup.name(rel.source_ref));
    targetedBy.set(rel.target_ref as string, list);
  }
  const affected = lookup.cited.filter((o) => targetedBy.has(o.id as string)
    || ((o.type === 'identity' || o.type === 'location') && !creators.has(o.id)));
  const targets: Target[] = affected.map((o) => ({
    id: o.id as string, type: o.type as string, name: lookup.name(o.id), targetedBy: unique(targetedBy.get(o.id as string) ?? []),
  })).sort(byName);
  const sectors = unique(affected.filter((o) => o.type === 'identity').flatMap((o) => strings(o.sectors))).sort();
  const countries: Place[] = affected.filter((o) => o.type === 'location').map((o) => ({
    id: o.id as string, name: lookup.name(o.id), country: stringOrNull(o.country), region: stringOrNull(o.region),
  })).sort(byName);
  return { sectors, countries, targets };
}

function actorEntry(o: StixObject): Actor {
  const name = typeof o.name === 'string' ? o.name : (o.id as string);
  return {
    id: o.id as string,
    type: o.type as Actor['type'],
    name,
    aliases: unique(strings(o.aliases)).filter((a) => a !== name),
    ...attackRef(o),
    description: readableText(o.description),
    motivation: stringOrNull(o.primary_motivation),
    firstSeen: stringOrNull(o.first_seen),
  };
}

function campaignEntry(o: StixObject): Campaign {
  return {
    id: o.id as string,
    name: typeof o.name === 'string' ? o.name : (o.id as string),
    description: readableText(o.description),
    objective: stringOrNull(o.objective),
    firstSeen: stringOrNull(o.first_seen),
    lastSeen: stringOrNull(o.last_seen),
  };
}

function users(lookup: Lookup, id: string): string[] {
  return unique(lookup.related('uses', { to: id }).map((r) => lookup.name(r.source_ref))).sort();
}

function techniqueEntries(lookup: Lookup): Technique[] {
  return lookup.ofType('attack-pattern').map((o): Technique => ({
    id: o.id as string,
    name: lookup.name(o.id),
    ...attackRef(o),
    tactics: unique(phases(o).map(phaseLabel)),
    usedBy: users(lookup, o.id as string),
  })).sort((a, b) => (a.attackId ?? '~').localeCompare(b.attackId ?? '~', 'en', { numeric: true }) || byName(a, b));
}

function phases(o: StixObject): string[] {
  const list = Array.isArray(o.kill_chain_phases) ? o.kill_chain_phases as Record<string, unknown>[] : [];
  return list.map((p) => p.phase_name).filter((p): p is string => typeof p === 'string');
}

function softwareEntries(lookup: Lookup): Software[] {
  return lookup.ofType('malware', 'tool').map((o): Software => {
    const name = lookup.name(o.id);
    return {
      id: o.id as string,
      kind: o.type as Software['kind'],
      name,
      ...attackRef(o),
      aliases: unique([...strings(o.aliases), ...strings(o.x_mitre_aliases)]).filter((a) => a !== name),
      types: strings(o.type === 'malware' ? o.malware_types : o.tool_types),
      usedBy: users(lookup, o.id as string),
    };
  }).sort(byName);
}

function indicatorEntries(lookup: Lookup): IndicatorEntry[] {
  return lookup.ofType('indicator').map((o): IndicatorEntry => {
    const pattern = typeof o.pattern === 'string' ? o.pattern : '';
    const patternType = typeof o.pattern_type === 'string' ? o.pattern_type : 'stix';
    const observables = patternObservables(pattern, patternType);
    return {
      id: o.id as string,
      name: defangText(typeof o.name === 'string' ? o.name : '', observables) || (o.id as string),
      pattern,
      patternType,
      observables,
      types: strings(o.indicator_types),
      validFrom: stringOrNull(o.valid_from),
      validUntil: stringOrNull(o.valid_until),
      indicates: unique(lookup.related('indicates', { from: o.id as string }).map((r) => lookup.name(r.target_ref))).sort(),
      description: defangText(readableText(o.description), observables),
      tlp: tlpLevelOf(o),
    };
  }).sort((a, b) => typeRank(a) - typeRank(b) || byName(a, b));
}

// Addresses first, then files, then the rest: the order a network defender works through them.
const INDICATOR_ORDER = ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'network-traffic', 'file'];

function typeRank(i: IndicatorEntry): number {
  const rank = INDICATOR_ORDER.indexOf(i.observables[0]?.objectType ?? '');
  return rank < 0 ? INDICATOR_ORDER.length + (i.observables.length === 0 ? 1 : 0) : rank;
}

/** Replaces each live value the indicator looks for with its de-fanged form wherever prose repeats it. */
function defangText(text: string, observables: Observable[]): string {
  let out = text;
  for (const o of observables) if (o.defanged !== o.value && o.value !== '') out = out.split(o.value).join(o.defanged);
  return out;
}

/** Indicator descriptions and ATT&CK detection text, each distinct text once with everything it applies to. */
function detectionNotes(lookup: Lookup, indicators: IndicatorEntry[], techniques: Technique[]): DetectionNote[] {
  const notes = new Map<string, DetectionNote>();
  const note = (text: string, from: DetectionNote['from'], subject: string): void => {
    if (text === '') return;
    const key = `${from}\u0000${text}`;
    const existing = notes.get(key);
    if (existing) existing.subjects.push(subject);
    else notes.set(key, { text, from, subjects: [subject] });
  };
  for (const indicator of indicators) note(indicator.description, 'indicator', indicator.name);
  for (const technique of techniques) {
    const text = readableText(lookup.get(technique.id)?.x_mitre_detection);
    note(text, 'technique', technique.attackId ? `${technique.attackId} ${technique.name}` : technique.name);
  }
  return [...notes.values()];
}

function mitigationEntries(lookup: Lookup): Mitigation[] {
  return lookup.ofType('course-of-action').map((o): Mitigation => ({
    id: o.id as string,
    name: lookup.name(o.id),
    attackId: attackRef(o).attackId,
    description: readableText(o.description),
    mitigates: unique(lookup.related('mitigates', { from: o.id as string }).map((r) => {
      const target = lookup.get(r.target_ref);
      const id = target ? attackRef(target).attackId : null;
      return id ? `${id} ${lookup.name(r.target_ref)}` : lookup.name(r.target_ref);
    })).sort(),
  })).sort(byName);
}

// Techniques and software link their ATT&CK page in their own rows, and indicators carry their sources in the CSV
// and the bundle: their thousands of citations would drown the list.
const REFERENCED_TYPES = new Set(['intrusion-set', 'threat-actor', 'campaign', 'course-of-action', 'report']);

/** Sources with an address, from the report and the objects it is about; the report's own always, addressed or not. */
function references(lookup: Lookup, report: StixObject | null): Reference[] {
  const seen = new Set<string>();
  const result: Reference[] = [];
  const take = (object: StixObject, always: boolean): void => {
    for (const ref of externalRefs(object).map(toReference)) {
      if (!ref.url && !(always && ref.description)) continue;
      const key = ref.url ?? `${ref.sourceName}\u0000${ref.description}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(ref);
    }
  };
  if (report) take(report, true);
  for (const rel of lookup.related('attributed-to')) take(rel, true);
  for (const object of lookup.cited) if (REFERENCED_TYPES.has(object.type as string)) take(object, false);
  return result;
}
