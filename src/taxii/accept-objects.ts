// Validates STIX objects arriving over TAXII (POSTs and pulled feeds) exactly like imports, and stores the valid ones.
import { validateObject } from '../stix/index.ts';
import { hasErrors, type Problem } from '../stix/problem.ts';
import type { Provenance, PutItem, PutOutcome, Store } from '../store/store.ts';

export interface ObjectOutcome {
  /** The object's id, or `objects[i]` when it has no usable one. */
  id: string;
  /** Its `modified` (or `created`) when present. */
  version: string | null;
  outcome: PutOutcome | 'rejected';
  /** Why it was not stored: every validation error with its JSON path and STIX section. */
  message?: string;
  problems?: Problem[];
}

export interface Destination {
  /** A stored collection to add the versions to. */
  collection?: string;
  suppliedBy?: Provenance;
}

export async function acceptObjects(store: Store, objects: readonly unknown[], destination: Destination): Promise<ObjectOutcome[]> {
  const outcomes: ObjectOutcome[] = [];
  const items: PutItem[] = [];
  const stored: number[] = [];
  objects.forEach((object, index) => {
    const record = object !== null && typeof object === 'object' && !Array.isArray(object) ? object as Record<string, unknown> : null;
    const id = typeof record?.id === 'string' ? record.id : `objects[${index}]`;
    const version = typeof record?.modified === 'string' ? record.modified : typeof record?.created === 'string' ? record.created : null;
    const problems = validateObject(object);
    if (hasErrors(problems)) {
      const errors = problems.filter((p) => p.severity === 'error');
      outcomes.push({ id, version, outcome: 'rejected', problems: errors, message: errors.map(describe).join('; ') });
      return;
    }
    const item: PutItem = { object: record! };
    if (destination.collection !== undefined) item.collection = destination.collection;
    if (destination.suppliedBy !== undefined) item.suppliedBy = destination.suppliedBy;
    items.push(item);
    stored.push(outcomes.length);
    outcomes.push({ id, version, outcome: 'new-object' });
  });
  if (items.length > 0) {
    const results = await store.put(items);
    results.forEach((result, i) => {
      const outcome = outcomes[stored[i]!]!;
      outcome.outcome = result;
      if (result === 'after-revocation') {
        outcome.message = `${outcome.id} is revoked; revocation is permanent, so no newer version may be created (STIX 2.1 §3.6.2)`;
      }
    });
  }
  return outcomes;
}

export function succeeded(outcome: ObjectOutcome): boolean {
  return outcome.outcome !== 'rejected' && outcome.outcome !== 'after-revocation';
}

function describe(problem: Problem): string {
  return `${problem.code} at ${problem.path}: ${problem.message} (STIX 2.1 §${problem.spec})`;
}
