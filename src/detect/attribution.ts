// Who an indicator points to, through the graph: what it `indicates`, and the actors behind malware or campaigns.
import type { Store } from '../store/store.ts';

export interface Attributed {
  id: string;
  type: string;
  name: string;
  /** How it was reached: `indicates`, or `indicates` then `uses` / `attributed-to`. */
  via: string;
}

const ACTORS = new Set(['threat-actor', 'intrusion-set']);

export class Attribution {
  private readonly cache = new Map<string, Promise<Attributed[]>>();
  private readonly names = new Map<string, Promise<{ type: string; name: string } | undefined>>();

  constructor(private readonly store: Store) {}

  of(indicatorId: string): Promise<Attributed[]> {
    let p = this.cache.get(indicatorId);
    if (p === undefined) {
      p = this.lookup(indicatorId);
      this.cache.set(indicatorId, p);
    }
    return p;
  }

  /** Forgets what it found, when indicators or relationships change. */
  clear(): void {
    this.cache.clear();
    this.names.clear();
  }

  private async lookup(indicatorId: string): Promise<Attributed[]> {
    const out: Attributed[] = [];
    const seen = new Set<string>();
    const add = async (id: string, via: string): Promise<void> => {
      if (seen.has(id)) return;
      const named = await this.name(id);
      if (!named) return;
      seen.add(id);
      out.push({ id, ...named, via });
    };
    const direct = (await this.store.edges(indicatorId)).filter((e) => e.source === indicatorId && e.via === 'indicates');
    for (const e of direct) await add(e.target, 'indicates');
    // Malware, tools and campaigns lead on to the actors that use them or to whom they are attributed.
    for (const e of direct) {
      const target = await this.name(e.target);
      if (!target || ACTORS.has(target.type)) continue;
      for (const next of await this.store.edges(e.target)) {
        if (next.via === 'uses' && next.target === e.target) await add(next.source, `indicates ${target.type}, used by`);
        if (next.via === 'attributed-to' && next.source === e.target) await add(next.target, `indicates ${target.type}, attributed to`);
      }
    }
    return out;
  }

  private name(id: string): Promise<{ type: string; name: string } | undefined> {
    let p = this.names.get(id);
    if (p === undefined) {
      p = this.store.get(id).then(([v]) => {
        if (!v || v.revoked) return undefined;
        const o = JSON.parse(v.json) as { name?: unknown };
        return { type: v.type, name: typeof o.name === 'string' ? o.name : id };
      });
      this.names.set(id, p);
    }
    return p;
  }
}
