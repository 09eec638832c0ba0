// Reads an object path's values from one event's SCOs, following local references, for index probes.
import type { PathStep } from '../../pattern/ast.ts';
import type { Sco } from '../event.ts';

export type PathReader = (sco: Sco, objects: readonly Sco[], each: (value: unknown) => void) => void;

/**
 * The values section 9.7 reaches from `sco` along `steps` (as the matcher computes them), passed to `each`.
 * A reference is resolved only to the event's own objects, whose local keys are their indexes.
 */
export function pathReader(steps: readonly PathStep[]): PathReader {
  const first = steps[0];
  if (steps.length === 1 && first?.kind === 'property') {
    const name = first.name;
    return (sco, _objects, each) => {
      const v = sco[name];
      if (v !== undefined && v !== null && Object.hasOwn(sco, name)) each(v);
    };
  }
  return (sco, objects, each) => walk(sco, 0, undefined, steps, objects, each);
}

function walk(v: unknown, i: number, previous: string | undefined, steps: readonly PathStep[], objects: readonly Sco[], each: (value: unknown) => void): void {
  if (i === steps.length) {
    each(v);
    return;
  }
  const step = steps[i]!;
  switch (step.kind) {
    case 'property': {
      if (typeof v === 'string' && previous !== undefined && (previous.endsWith('_ref') || previous.endsWith('_refs'))) v = resolve(v, objects);
      if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, step.name)) {
        const child = (v as Record<string, unknown>)[step.name];
        if (child !== null && child !== undefined) walk(child, i + 1, step.name, steps, objects, each);
      }
      return;
    }
    case 'index':
      if (Array.isArray(v) && step.index >= 0 && step.index < v.length) walk(v[step.index], i + 1, previous, steps, objects, each);
      return;
    case 'anyIndex':
      if (Array.isArray(v)) for (const item of v) walk(item, i + 1, previous, steps, objects, each);
      return;
  }
}

function resolve(ref: string, objects: readonly Sco[]): Sco | undefined {
  const n = Number(ref);
  return Number.isInteger(n) && String(n) === ref ? objects[n] : undefined;
}

/** A stable text key for a path: type plus steps. */
export function pathKey(objectType: string, steps: readonly PathStep[]): string {
  let key = objectType;
  for (const s of steps) key += s.kind === 'property' ? `.${s.name}` : s.kind === 'index' ? `[${s.index}]` : '[*]';
  return key;
}
