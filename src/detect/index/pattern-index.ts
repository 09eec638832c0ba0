// The index over every watched indicator: per SCO type, the paths to probe; per event, the leaves to confirm.
import type { ComparisonExpression, Pattern } from '../../pattern/ast.ts';
import { compileComparison } from '../../pattern/matcher/compile.ts';
import type { Observation } from '../../pattern/matcher/observations.ts';
import { parsePattern } from '../../pattern/parser.ts';
import type { ActiveIndicator } from '../active-indicator.ts';
import { observationsOf } from '../active-indicator.ts';
import type { Sco, TelemetryEvent } from '../event.ts';
import { AnchorCounts } from './anchor-counts.ts';
import { anchorTree, chooseAnchors, type Anchor, type AnchorTree } from './anchors.ts';
import type { Leaf } from './leaf.ts';
import { PathIndex } from './path-index.ts';

export interface LeafMatch {
  leaf: Leaf;
  /** Index of the SCO in the event that satisfied it. */
  object: number;
}

const NONE: LeafMatch[] = [];

/**
 * An indicator's leaves: the one leaf of a single-observation pattern stands alone (a million of them should
 * not each cost an array); a pattern over several observations has one per observation, in reading order.
 */
export type Leaves = Leaf | Leaf[];

/** What an indicator is indexed under: a single observation's anchor tree, or one tree per observation. */
type Plan = AnchorTree | { observations: { comparison: ComparisonExpression; tree: AnchorTree }[] };

function planOf(parsed: Pattern): Plan {
  if (parsed.kind === 'observation') return anchorTree(parsed.comparison);
  return { observations: observationsOf(parsed).map((comparison) => ({ comparison, tree: anchorTree(comparison) })) };
}

export class PatternIndex {
  private readonly byType = new Map<string, PathIndex[]>();
  private readonly byPath = new Map<string, PathIndex>();
  private seq = 0;
  /** Leaves tried on events (index candidates) and leaves that matched: the index's selectivity. */
  candidates = 0;
  confirmed = 0;

  /**
   * Adds indicators in bulk: anchors are chosen knowing how often every exact value and token occurs in the
   * batch and in the index, so a common value (`dst_ref.type = 'ipv4-addr'`) is not picked over a rare one.
   */
  addAll(items: { indicator: ActiveIndicator; parsed: Pattern }[]): Leaves[] {
    const all: AnchorTree[] = [];
    const plans = items.map(({ parsed }) => {
      const plan = planOf(parsed);
      if ('observations' in plan) for (const o of plan.observations) all.push(o.tree);
      else all.push(plan);
      return plan;
    });
    const counts = new AnchorCounts(all);
    // What the index already holds counts too, so indicators added in chunks are judged against all before them.
    const frequency = (a: Anchor): number => counts.of(a) + (this.byPath.get(a.path)?.bucketSize(a) ?? 0);
    return items.map(({ indicator }, i) => this.insert(indicator, plans[i]!, frequency));
  }

  /** Adds one indicator, judging frequencies by what the index holds already. */
  add(indicator: ActiveIndicator, parsed: Pattern): Leaves {
    return this.insert(indicator, planOf(parsed), (a) => this.byPath.get(a.path)?.bucketSize(a) ?? 0);
  }

  private insert(indicator: ActiveIndicator, plan: Plan, frequency: (a: Anchor) => number): Leaves {
    if ('observations' in plan) return plan.observations.map(({ comparison, tree }) => this.leaf(indicator, comparison, tree, frequency));
    return this.leaf(indicator, undefined, plan, frequency);
  }

  private leaf(indicator: ActiveIndicator, comparison: ComparisonExpression | undefined, tree: AnchorTree, frequency: (a: Anchor) => number): Leaf {
    const leaf: Leaf = { indicator, comparison, predicate: undefined, matched: -1, retired: false };
    // One leaf may sit under several anchors (OR); the per-event `matched` stamp keeps it from reporting twice.
    for (const anchor of chooseAnchors(tree, frequency)) this.pathIndex(anchor).add(anchor, leaf);
    return leaf;
  }

  private pathIndex(anchor: Anchor): PathIndex {
    let p = this.byPath.get(anchor.path);
    if (p === undefined) {
      p = new PathIndex(anchor.path, anchor.steps);
      this.byPath.set(anchor.path, p);
      let list = this.byType.get(anchor.objectType);
      if (list === undefined) this.byType.set(anchor.objectType, (list = []));
      list.push(p);
    }
    return p;
  }

  // The event being matched, kept on the instance so that probing allocates no closure per object.
  private current: TelemetryEvent | undefined;
  private currentObject = 0;
  private currentObservation: Observation | undefined;
  private found: LeafMatch[] = [];
  private readonly candidate = (leaf: Leaf): void => {
    if (leaf.matched === this.seq || leaf.retired) return;
    this.candidates++;
    const event = this.current!;
    this.currentObservation ??= observationOf(event);
    if (predicateOf(leaf)(event.objects[this.currentObject]!, this.currentObservation)) {
      leaf.matched = this.seq;
      this.confirmed++;
      this.found.push({ leaf, object: this.currentObject });
    }
  };
  private readonly probeValue = (value: unknown): void => {
    this.probing!.probe(value, this.candidate);
  };
  private probing: PathIndex | undefined;

  /** Leaves the event satisfies, each once, confirmed by the pattern matcher's own predicate. */
  match(event: TelemetryEvent): LeafMatch[] {
    this.seq++;
    const objects = event.objects;
    this.current = event;
    this.currentObservation = undefined;
    let found: LeafMatch[] | undefined;
    for (let i = 0; i < objects.length; i++) {
      const sco = objects[i]!;
      const paths = this.byType.get(sco.type as string);
      if (paths === undefined) continue;
      this.currentObject = i;
      for (const p of paths) {
        if (p.property !== undefined) {
          // Most indexed paths are one property (`value`): read it directly.
          const v = sco[p.property];
          if (v !== undefined && v !== null) p.probe(v, this.candidate);
        } else {
          this.probing = p;
          p.read(sco, objects, this.probeValue);
        }
      }
    }
    if (this.found.length > 0) {
      found = this.found;
      this.found = [];
    }
    this.current = undefined;
    this.currentObservation = undefined;
    return found ?? NONE;
  }

  /** Indexed paths and their entries, for reports. */
  stats(): { paths: number; entries: number } {
    let entries = 0;
    for (const p of this.byPath.values()) entries += p.size;
    return { paths: this.byPath.size, entries };
  }
}

/** Compiled on first use: most indicators never see a candidate event, so most are never compiled. */
function predicateOf(leaf: Leaf): NonNullable<Leaf['predicate']> {
  if (leaf.predicate === undefined) {
    const comparison: ComparisonExpression = leaf.comparison
      ?? (parsePattern(leaf.indicator.pattern, { positions: false }) as { comparison: ComparisonExpression }).comparison;
    leaf.predicate = compileComparison(comparison);
  }
  return leaf.predicate;
}

/** The event as the matcher's predicates read it: objects under their local keys. */
export function observationOf(event: TelemetryEvent, id = ''): Observation {
  const objects = new Map<string, Sco>();
  event.objects.forEach((o, i) => objects.set(String(i), o));
  const instant = instantOf(event.time);
  return { id, first: instant, last: instant, count: 1, objects, roots: event.objects };
}

/** Seconds since the epoch as the matcher's instant, to the microsecond. */
export function instantOf(time: number): { seconds: number; fraction: string } {
  let seconds = Math.floor(time);
  let micros = Math.round((time - seconds) * 1e6);
  if (micros === 1e6) {
    seconds++;
    micros = 0;
  }
  return { seconds, fraction: micros === 0 ? '' : String(micros).padStart(6, '0').replace(/0+$/, '') };
}
