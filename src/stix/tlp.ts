// The Traffic Light Protocol level an object carries, from TLP 1.0 or 2.0 markings in object_marking_refs.
import { TLP1_MARKINGS, TLP2_MARKINGS } from './types/meta.ts';

export type TlpLevel = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

/** From least to most restrictive. */
export const TLP_LEVELS: readonly TlpLevel[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

const LEVEL_OF = new Map<string, TlpLevel>();
for (const [id, level] of TLP2_MARKINGS) LEVEL_OF.set(id, level as TlpLevel);
// TLP 1.0 WHITE is TLP 2.0 CLEAR; the other 1.0 levels keep their names.
for (const [id, level] of TLP1_MARKINGS) LEVEL_OF.set(id, level === 'white' ? 'clear' : level as TlpLevel);

/** The TLP level of a marking-definition id, or undefined when it is not a TLP marking. */
export function tlpOfMarking(id: string): TlpLevel | undefined {
  return LEVEL_OF.get(id);
}

/** The most restrictive TLP level among `object_marking_refs`, or null when the object has no TLP marking. */
export function tlpLevelOf(object: Record<string, unknown>): TlpLevel | null {
  const refs = object.object_marking_refs;
  if (!Array.isArray(refs)) return null;
  let rank = -1;
  for (const ref of refs) {
    const level = typeof ref === 'string' ? LEVEL_OF.get(ref) : undefined;
    if (level !== undefined) rank = Math.max(rank, TLP_LEVELS.indexOf(level));
  }
  return rank < 0 ? null : TLP_LEVELS[rank]!;
}
