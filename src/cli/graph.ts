// `tocsin graph ID [--depth N]`: the neighbourhood of an object through relationships, sightings and refs.
import type { Command } from 'commander';
import type { CliCommand } from './command.ts';
import { positiveInteger } from './option-values.ts';
import { withStore } from './open.ts';
import { displayName } from './display-name.ts';
import type { Edge, Store } from '../store/store.ts';

export interface GraphNode {
  id: string;
  type: string;
  name: string;
  /** False when the object is referenced but not in the store. */
  stored: boolean;
}

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: Edge[];
  truncated: boolean;
}

// References to markings and creators connect nearly everything; show them, but do not walk through them.
const NOT_WALKED = new Set(['object_marking_refs', 'created_by_ref', 'marking_ref']);
// An SRO's own endpoint references are already shown as the relationship edge it carries.
const SRO_ENDPOINTS = new Set(['source_ref', 'target_ref', 'sighting_of_ref', 'where_sighted_refs']);

export const graphCommand: CliCommand = {
  define: (program: Command) => program
    .command('graph')
    .description('show the neighbourhood of an object through relationships, sightings and embedded references')
    .argument('<id>', 'STIX identifier to start from')
    .option('--depth <n>', 'how many steps to walk', '1')
    .option('--max-nodes <n>', 'stop walking after this many objects', '500')
    .option('--json', 'print { nodes, edges } as JSON'),

  async run(args, opts, io) {
    const depth = positiveInteger(opts.depth, '--depth');
    const maxNodes = positiveInteger(opts.maxNodes, '--max-nodes');
    const graph = await withStore(opts, io, (store) => neighbourhood(store, args[0] as string, depth, maxNodes));
    if (graph.nodes.length === 0 || !graph.nodes[0]!.stored) {
      io.stderr.write(`tocsin: no object ${String(args[0])} in the store\n`);
      return 1;
    }
    if (opts.json) {
      io.stdout.write(`${JSON.stringify(graph, null, 2)}\n`);
      return 0;
    }
    const label = new Map(graph.nodes.map((n) => [n.id, n.name ? `${n.id} (${n.name})` : n.id]));
    io.stdout.write(`${label.get(graph.nodes[0]!.id)}\n`);
    for (const e of graph.edges) io.stdout.write(`  ${label.get(e.source) ?? e.source} —${e.via}→ ${label.get(e.target) ?? e.target}\n`);
    if (graph.truncated) io.stdout.write(`… stopped at ${maxNodes} objects; raise --max-nodes to see more\n`);
    return 0;
  },
};

export async function neighbourhood(store: Store, start: string, depth: number, maxNodes: number): Promise<Neighbourhood> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, Edge>();
  let frontier = [start];
  let truncated = false;
  await addNode(store, nodes, start);
  for (let step = 0; step < depth && frontier.length > 0 && !truncated; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const edge of await store.edges(id)) {
        if (SRO_ENDPOINTS.has(edge.via) && edge.through === undefined) continue;
        edges.set(`${edge.source} ${edge.via} ${edge.target} ${edge.through ?? ''}`, edge);
        const other = edge.source === id ? edge.target : edge.source;
        if (nodes.has(other)) continue;
        if (nodes.size >= maxNodes) { truncated = true; break; }
        await addNode(store, nodes, other);
        if (!NOT_WALKED.has(edge.via)) next.push(other);
      }
      if (truncated) break;
    }
    frontier = next;
  }
  const kept = [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target));
  return { nodes: [...nodes.values()], edges: kept, truncated };
}

async function addNode(store: Store, nodes: Map<string, GraphNode>, id: string): Promise<void> {
  const [version] = await store.get(id);
  const type = id.slice(0, id.indexOf('--'));
  nodes.set(id, version
    ? { id, type, name: displayName(JSON.parse(version.json) as Record<string, unknown>), stored: true }
    : { id, type, name: '', stored: false });
}
