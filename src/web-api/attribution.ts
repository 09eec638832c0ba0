// GET /api/attribution/:id: every claim that attributes something to (or from) an actor, with who makes it and who disputes it.
import type { FastifyPluginAsync } from 'fastify';
import type { Reader } from './reader.ts';
import { readerOf } from './signed-in.ts';
import { summarize, type ObjectSummary } from './summary.ts';

export interface Opinion {
  opinion: ObjectSummary;
  /** strongly-disagree … strongly-agree */
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
  /** What is attributed (a campaign, an intrusion set) and to whom. */
  attributed: ObjectSummary | null;
  to: ObjectSummary | null;
  by: ObjectSummary | null;
  confidence: number | null;
  description: string;
  /** Reports that cite the claim, and its external references. */
  sources: { report: ObjectSummary | null; name: string; url: string | null }[];
  opinions: Opinion[];
}

const STANCE: Record<string, boolean | null> = {
  'strongly-disagree': false, disagree: false, neutral: null, agree: true, 'strongly-agree': true,
};

export const attributionPlugin: FastifyPluginAsync = async (app) => {
  app.get('/api/attribution/:id', async (request) => {
    const { id } = request.params as { id: string };
    const reader = readerOf(request);
    const subject = await reader.one(id);
    const edges = await reader.edges(id);
    const relationshipIds = edges.filter((e) => e.via === 'attributed-to' && e.through).map((e) => e.through!);
    const reportIds = edges.filter((e) => e.via === 'object_refs' && e.source.startsWith('report--') && e.target === id).map((e) => e.source);
    const claims: Claim[] = [];
    for (const [claimId, version] of await reader.latest([...relationshipIds, ...reportIds])) {
      claims.push(await claimOf(reader, claimId, JSON.parse(version.json) as Record<string, unknown>, version));
    }
    const disputed = claims.some((c) => c.opinions.some((o) => o.agrees === false));
    return { subject: summarize(subject), claims: claims.sort((a, b) => Number(a.kind === 'report') - Number(b.kind === 'report')), disputed };
  });
};

async function claimOf(reader: Reader, id: string, object: Record<string, unknown>, version: Parameters<typeof summarize>[0]): Promise<Claim> {
  const ends = [object.source_ref, object.target_ref, object.created_by_ref].filter((x): x is string => typeof x === 'string');
  const claimEdges = await reader.edges(id);
  const citing = claimEdges.filter((e) => e.via === 'object_refs' && e.target === id && e.source.startsWith('report--')).map((e) => e.source);
  const opinionIds = claimEdges.filter((e) => e.via === 'object_refs' && e.target === id && e.source.startsWith('opinion--')).map((e) => e.source);
  const found = await reader.latest([...ends, ...citing, ...opinionIds]);
  const summaryOf = (ref: unknown): ObjectSummary | null => {
    const v = typeof ref === 'string' ? found.get(ref) : undefined;
    return v ? summarize(v) : null;
  };
  const opinions: Opinion[] = [];
  const creators = new Set<string>();
  const parsedOpinions = opinionIds.map((o) => found.get(o)).filter((v) => v !== undefined).map((v) => ({ v, o: JSON.parse(v.json) as Record<string, unknown> }));
  for (const { o } of parsedOpinions) if (typeof o.created_by_ref === 'string') creators.add(o.created_by_ref);
  const opinionCreators = await reader.latest([...creators]);
  for (const { v, o } of parsedOpinions) {
    const stance = String(o.opinion ?? 'neutral');
    const creator = typeof o.created_by_ref === 'string' ? opinionCreators.get(o.created_by_ref) : undefined;
    opinions.push({
      opinion: summarize(v, o), stance, agrees: STANCE[stance] ?? null,
      explanation: typeof o.explanation === 'string' ? o.explanation : '',
      authors: Array.isArray(o.authors) ? (o.authors as unknown[]).map(String) : [],
      by: creator ? summarize(creator) : null,
      created: typeof o.created === 'string' ? o.created : null,
    });
  }
  const references = Array.isArray(object.external_references) ? object.external_references as Record<string, unknown>[] : [];
  return {
    kind: object.type === 'report' ? 'report' : 'attributed-to',
    claim: summarize(version, object),
    attributed: object.type === 'report' ? null : summaryOf(object.source_ref),
    to: object.type === 'report' ? null : summaryOf(object.target_ref),
    by: summaryOf(object.created_by_ref),
    confidence: typeof object.confidence === 'number' ? object.confidence : null,
    description: typeof object.description === 'string' ? object.description : '',
    sources: [
      ...citing.map((r) => ({ report: summaryOf(r), name: summaryOf(r)?.name ?? r, url: null })).filter((s) => s.report !== null),
      ...references.map((r) => ({ report: null, name: String(r.description ?? r.source_name ?? ''), url: typeof r.url === 'string' ? r.url : null })),
    ],
    opinions,
  };
}
