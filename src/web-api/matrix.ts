// GET /api/objects/:id/matrix: the ATT&CK matrix (tactics as columns) with the techniques the object uses marked.
import type { FastifyPluginAsync } from 'fastify';
import type { Reader } from './reader.ts';
import { readerOf } from './signed-in.ts';
import { externalIdOf, summarize, type ObjectSummary } from './summary.ts';

export interface MatrixTechnique extends ObjectSummary {
  used: boolean;
  subtechnique: boolean;
}

export interface MatrixColumn {
  /** The tactic's short name as kill_chain_phases write it (`initial-access`). */
  shortname: string;
  name: string;
  externalId: string | null;
  techniques: MatrixTechnique[];
}

export interface Matrix {
  columns: MatrixColumn[];
  used: number;
  /** Used techniques without a phase that any column names. */
  unplaced: ObjectSummary[];
}

type Parsed = { summary: ObjectSummary; object: Record<string, unknown> };

export const matrixPlugin: FastifyPluginAsync = async (app) => {
  app.get('/api/objects/:id/matrix', async (request) => {
    const { id } = request.params as { id: string };
    const reader = readerOf(request);
    await reader.one(id);
    const used = new Set((await reader.edges(id)).filter((e) => e.source === id && e.via === 'uses' && e.target.startsWith('attack-pattern--')).map((e) => e.target));
    return matrixOf(reader, used);
  });
};

export async function matrixOf(reader: Reader, used: Set<string>): Promise<Matrix> {
  const parse = async (types: string[]): Promise<Parsed[]> => (await reader.all({ types, versions: 'latest', includeRevoked: false }))
    .map((v) => { const object = JSON.parse(v.json) as Record<string, unknown>; return { summary: summarize(v, object), object }; });
  const [techniques, tactics, matrices] = await Promise.all([parse(['attack-pattern']), parse(['x-mitre-tactic']), parse(['x-mitre-matrix'])]);
  const columns = orderedTactics(tactics, matrices).map((t) => ({
    shortname: String(t.object.x_mitre_shortname), name: t.summary.name, externalId: externalIdOf(t.object), techniques: [] as MatrixTechnique[],
  }));
  const byPhase = new Map(columns.map((c) => [c.shortname, c]));
  const placed = new Set<string>();
  for (const { summary, object } of techniques) {
    if (object.x_mitre_deprecated === true) continue;
    for (const phase of phasesOf(object)) {
      let column = byPhase.get(phase);
      // Without ATT&CK's tactic objects the columns come from the phases the techniques name.
      if (!column && tactics.length === 0) {
        column = { shortname: phase, name: titleCase(phase), externalId: null, techniques: [] };
        byPhase.set(phase, column);
        columns.push(column);
      }
      if (!column) continue;
      column.techniques.push({ ...summary, used: used.has(summary.id), subtechnique: object.x_mitre_is_subtechnique === true });
      placed.add(summary.id);
    }
  }
  for (const column of columns) column.techniques.sort((a, b) => (a.externalId ?? a.name).localeCompare(b.externalId ?? b.name));
  const unplaced = techniques.filter((t) => used.has(t.summary.id) && !placed.has(t.summary.id)).map((t) => t.summary);
  return { columns, used: used.size, unplaced };
}

/** In the matrix's own order (`tactic_refs`), else by ATT&CK id. */
function orderedTactics(tactics: Parsed[], matrices: Parsed[]): Parsed[] {
  const withShortname = tactics.filter((t) => typeof t.object.x_mitre_shortname === 'string');
  const order = matrices.flatMap((m) => (Array.isArray(m.object.tactic_refs) ? m.object.tactic_refs as string[] : []));
  const rank = (t: Parsed): number => { const i = order.indexOf(t.summary.id); return i < 0 ? order.length : i; };
  return withShortname.sort((a, b) => rank(a) - rank(b) || (a.summary.externalId ?? '').localeCompare(b.summary.externalId ?? ''));
}

function phasesOf(object: Record<string, unknown>): string[] {
  const phases = Array.isArray(object.kill_chain_phases) ? object.kill_chain_phases as Record<string, unknown>[] : [];
  return phases.filter((p) => p.kill_chain_name === 'mitre-attack' || phases.length === 1).map((p) => String(p.phase_name));
}

function titleCase(phase: string): string {
  return phase.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
