// The graph view: an object's neighbourhood in cytoscape, expanded node by node and filtered by type.
import { useEffect, useMemo, useRef, useState } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import type { GraphStep, ObjectSummary } from '../api-types.ts';
import { getJson } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { ObjectLink, TypeTag } from '../components/ObjectLink.tsx';
import { colourOf } from '../type-colours.ts';

interface GraphState {
  nodes: Map<string, ObjectSummary>;
  edges: Map<string, GraphStep['edges'][number]>;
  expanded: Set<string>;
  /** Neighbours the latest expansion left out, by type. */
  leftOut: Map<string, number>;
}

const STEP = 60;

/** Rings of the first layout, inside out: the centre, actors and campaigns, software, techniques, the rest. */
function ring(type: string, centre: boolean): number {
  if (centre) return 10;
  if (type === 'intrusion-set' || type === 'threat-actor' || type === 'campaign') return 4;
  if (type === 'malware' || type === 'tool') return 3;
  if (type === 'attack-pattern') return 2;
  return 1;
}

export function GraphPage({ id }: { id: string }) {
  const [graph, setGraph] = useState<GraphState>({ nodes: new Map(), edges: new Map(), expanded: new Set(), leftOut: new Map() });
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState<string | null>(id);
  const [selected, setSelected] = useState<string>(id);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);

  const expand = async (nodeId: string): Promise<void> => {
    setBusy(nodeId);
    setError(null);
    try {
      const step = await getJson<GraphStep>(`/api/graph/${encodeURIComponent(nodeId)}?max=${STEP}`);
      setGraph((g) => {
        const nodes = new Map(g.nodes);
        for (const n of step.nodes) nodes.set(n.id, n);
        const edges = new Map(g.edges);
        for (const e of step.edges) edges.set(`${e.source}|${e.via}|${e.target}|${e.through ?? ''}`, e);
        const shown = new Map<string, number>();
        for (const n of step.nodes.slice(1)) shown.set(n.type, (shown.get(n.type) ?? 0) + 1);
        const leftOut = new Map<string, number>();
        for (const t of step.neighbours) {
          const missing = t.count - (shown.get(t.type) ?? 0);
          if (missing > 0) leftOut.set(t.type, missing);
        }
        return { nodes, edges, expanded: new Set([...g.expanded, nodeId]), leftOut };
      });
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(null);
    }
  };

  useEffect(() => {
    setGraph({ nodes: new Map(), edges: new Map(), expanded: new Set(), leftOut: new Map() });
    setSelected(id);
    void expand(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 10, color: '#212529', 'text-valign': 'bottom', 'text-margin-y': 4, width: 18, height: 18, 'text-wrap': 'ellipsis', 'text-max-width': '110px' } },
        { selector: 'node[?centre]', style: { width: 30, height: 30, 'font-weight': 'bold', 'font-size': 12 } },
        { selector: 'node[?expanded]', style: { 'border-width': 2, 'border-color': '#212529' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59f00' } },
        { selector: 'edge', style: { width: 1, 'line-color': '#adb5bd', 'target-arrow-color': '#adb5bd', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', } },
        { selector: 'edge:selected, edge.near', style: { label: 'data(label)', 'font-size': 8, color: '#495057', 'text-rotation': 'autorotate', 'line-color': '#f59f00' } },
      ],
    });
    instance.on('tap', 'node', (event) => setSelected(event.target.id() as string));
    instance.on('dbltap', 'node', (event) => { void expand(event.target.id() as string); });
    cy.current = instance;
    return () => instance.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    let added = 0;
    instance.batch(() => {
      for (const n of graph.nodes.values()) {
        const existing = instance.getElementById(n.id);
        const data = { id: n.id, label: n.name.length > 40 ? `${n.name.slice(0, 39)}…` : n.name || n.type, colour: colourOf(n.type), centre: n.id === id, expanded: graph.expanded.has(n.id), type: n.type };
        if (existing.nonempty()) existing.data(data);
        else {
          instance.add({ group: 'nodes', data });
          added++;
        }
      }
      for (const [key, e] of graph.edges) {
        if (instance.getElementById(key).empty() && graph.nodes.has(e.source) && graph.nodes.has(e.target)) {
          instance.add({ group: 'edges', data: { id: key, source: e.source, target: e.target, label: e.via } });
          added++;
        }
      }
    });
    instance.nodes().forEach((node) => { node.style('display', hidden.has(node.data('type') as string) ? 'none' : 'element'); });
    if (added > 0) {
      // One expansion is a star: rings by degree keep its labels apart. Later ones need a force layout to untangle.
      const options = graph.expanded.size <= 1
        ? { name: 'concentric', animate: false, minNodeSpacing: 26, concentric: (node: cytoscape.NodeSingular) => ring(node.data('type') as string, node.id() === id), levelWidth: () => 1 }
        : { name: 'cose', animate: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 110, nodeOverlap: 20, randomize: false };
      instance.layout(options as cytoscape.LayoutOptions).run();
    }
  }, [graph, hidden, id]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.$(':selected').unselect();
    instance.edges('.near').removeClass('near');
    const node = instance.getElementById(selected);
    node.select();
    // The links of the chosen node are labelled; labelling all of them would bury the graph in text.
    node.connectedEdges().addClass('near');
  }, [selected, graph]);

  const types = useMemo(() => {
    const counts = new Map<string, number>();
    for (const n of graph.nodes.values()) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
  }, [graph]);
  const chosen = graph.nodes.get(selected);
  const toggle = (type: string): void => setHidden((h) => { const next = new Set(h); if (next.has(type)) next.delete(type); else next.add(type); return next; });

  return (
    <div className="graph-page">
      <h1>Graph{graph.nodes.get(id) ? `: ${graph.nodes.get(id)!.name}` : ''}</h1>
      <p className="muted">Double-click a node (or pick it below and press Expand) to add its neighbours. {graph.nodes.size} objects, {graph.edges.size} links.</p>
      <div className="graph-layout">
        <div className="graph-canvas-wrap">
          <div ref={container} className="graph-canvas" role="img" aria-label={`Graph of ${graph.nodes.size} objects around ${graph.nodes.get(id)?.name ?? id}`} />
          {busy ? <div className="graph-overlay"><Loading what="neighbours" /></div> : null}
        </div>
        <aside className="graph-side">
          {error ? <ErrorBox error={error} what="the neighbours" retry={() => void expand(selected)} /> : null}
          <fieldset className="type-filter">
            <legend>Show types</legend>
            {types.map(([type, count]) => (
              <label key={type}><input type="checkbox" checked={!hidden.has(type)} onChange={() => toggle(type)} /> <TypeTag type={type} /> {count}</label>
            ))}
          </fieldset>
          {graph.leftOut.size > 0 ? <p className="muted small">The last expansion left out, to stay readable: {[...graph.leftOut].map(([t, n]) => `${n} ${t}`).join(', ')}. Open an object's page for the full lists.</p> : null}
          {chosen ? (
            <div className="card">
              <ObjectLink object={chosen} />
              <p>
                <button type="button" onClick={() => void expand(chosen.id)} disabled={busy !== null || graph.expanded.has(chosen.id)}>{graph.expanded.has(chosen.id) ? 'Expanded' : 'Expand'}</button>
              </p>
            </div>
          ) : null}
          <label htmlFor="node-pick">Objects in the graph</label>
          <select id="node-pick" size={8} value={selected} onChange={(e) => setSelected(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') void expand(selected); }}>
            {[...graph.nodes.values()].filter((n) => !hidden.has(n.type)).sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name)).map((n) => (
              <option key={n.id} value={n.id}>{graph.expanded.has(n.id) ? '● ' : '○ '}{n.type}: {n.name || n.id}</option>
            ))}
          </select>
        </aside>
      </div>
    </div>
  );
}
