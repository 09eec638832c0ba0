// Who claims which actor is behind what, with what confidence, and every opinion that agrees or disagrees.
import type { Attribution, OpinionEntry, Stance, StixObject } from './advisory.ts';
import { externalRefs, Lookup, strings, toReference } from './lookup.ts';
import { readableText } from './readable-text.ts';

const STANCE: Record<string, Stance> = {
  'strongly-disagree': 'disagrees',
  disagree: 'disagrees',
  neutral: 'neutral',
  agree: 'agrees',
  'strongly-agree': 'agrees',
};
const ACTORS = new Set(['intrusion-set', 'threat-actor']);

/**
 * One entry per cited `attributed-to` relationship, and one per actor the report names that no such relationship
 * already attributes (the report's own claim). An opinion on the report counts against each claim it carries.
 */
export function attributions(lookup: Lookup, report: StixObject | null): Attribution[] {
  const opinions = lookup.ofType('opinion');
  const reportRefs = new Set(report ? strings(report.object_refs) : []);
  const aboutReport = (o: StixObject): boolean => report !== null && strings(o.object_refs).includes(report.id as string);
  const result: Attribution[] = [];
  const attributedActors = new Set<string>();

  for (const rel of lookup.related('attributed-to')) {
    attributedActors.add(rel.target_ref as string);
    const id = rel.id as string;
    const on = opinions.filter((o) => strings(o.object_refs).includes(id) || (reportRefs.has(id) && aboutReport(o)));
    result.push(entry({
      id,
      kind: 'relationship',
      subject: lookup.name(rel.source_ref),
      actor: lookup.name(rel.target_ref),
      claimedBy: claimant(lookup, rel, reportRefs.has(id) ? report : null),
      confidence: typeof rel.confidence === 'number' ? rel.confidence : null,
      description: readableText(rel.description),
      sources: externalRefs(rel).map(toReference),
    }, on.map((o) => opinionEntry(lookup, o))));
  }

  if (report) {
    for (const ref of reportRefs) {
      const actor = lookup.get(ref);
      if (!actor || !ACTORS.has(actor.type as string) || attributedActors.has(ref)) continue;
      result.push(entry({
        id: report.id as string,
        kind: 'report',
        subject: lookup.name(report.id),
        actor: lookup.name(ref),
        claimedBy: claimant(lookup, report, null),
        confidence: typeof report.confidence === 'number' ? report.confidence : null,
        description: '',
        sources: externalRefs(report).map(toReference),
      }, opinions.filter(aboutReport).map((o) => opinionEntry(lookup, o))));
    }
  }
  return result;
}

function entry(claim: Omit<Attribution, 'opinions' | 'disputed'>, opinions: OpinionEntry[]): Attribution {
  return { ...claim, opinions, disputed: opinions.some((o) => o.stance === 'disagrees') };
}

/** The creator of the claim; a relationship without one speaks for the report that carries it. */
function claimant(lookup: Lookup, object: StixObject, carrier: StixObject | null): string {
  if (typeof object.created_by_ref === 'string') return lookup.name(object.created_by_ref);
  if (carrier && typeof carrier.created_by_ref === 'string') return lookup.name(carrier.created_by_ref);
  return 'an unnamed source';
}

function opinionEntry(lookup: Lookup, o: StixObject): OpinionEntry {
  const value = typeof o.opinion === 'string' ? o.opinion : 'neutral';
  const authors = strings(o.authors);
  return {
    id: o.id as string,
    opinion: value,
    stance: STANCE[value] ?? 'neutral',
    explanation: typeof o.explanation === 'string' ? o.explanation : '',
    by: typeof o.created_by_ref === 'string' ? lookup.name(o.created_by_ref) : authors.join(', ') || 'an unnamed source',
    created: typeof o.created === 'string' ? o.created : null,
  };
}
