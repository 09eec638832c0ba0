// Validates incoming objects and writes them to the store in batches; one bad object never stops the rest.
import type { Problem } from '../stix/problem.ts';
import { hasErrors } from '../stix/problem.ts';
import { validateObject } from '../stix/index.ts';
import type { PutItem, PutOutcome, Store } from '../store/store.ts';
import type { IncomingObject } from './incoming.ts';
import { inputProblem, parseIncoming } from './parse-incoming.ts';

export interface Rejection {
  origin: string;
  objectId: string | null;
  problems: Problem[];
}

export interface ImportSummary {
  newObjects: number;
  newVersions: number;
  duplicates: number;
  rejected: Rejection[];
  /** Warnings on accepted objects, counted by problem code. */
  warnings: Record<string, number>;
  /** False when a strict import was rolled back: nothing was written. */
  committed: boolean;
}

export interface ImportOptions {
  /** Any rejection fails the whole import: nothing is written. */
  strict?: boolean;
  /** Objects per transaction outside strict mode (a batch also closes at `batchBytes` of JSON). */
  batchSize?: number;
  batchBytes?: number;
  /** Called after each transaction commits, with the ids it made durable. */
  onCommit?: (ids: string[]) => void;
  /** Called after each object is handled. */
  onObject?: () => void;
}

interface Accepted {
  item: PutItem;
  origin: string;
}

export async function importObjects(
  store: Store,
  objects: AsyncIterable<IncomingObject> | Iterable<IncomingObject>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = { newObjects: 0, newVersions: 0, duplicates: 0, rejected: [], warnings: {}, committed: true };
  const batchSize = options.batchSize ?? 2000;
  // Bounds memory whatever the object sizes: at most two batches are alive, one written while one fills.
  const batchBytes = options.batchBytes ?? 4_000_000;
  let pendingBytes = 0;
  store.prepareWrites();
  const batch = options.strict ? await store.begin() : null;
  const strictIds: string[] = [];
  const write = async (accepted: Accepted[]): Promise<void> => {
    const items = accepted.map((a) => a.item);
    const outcomes = batch ? await batch.put(items) : await store.put(items);
    const ids = tally(summary, accepted, outcomes);
    if (batch) strictIds.push(...ids);
    else options.onCommit?.(ids);
  };
  // One batch is written while the next is read and validated, so parsing and storage overlap.
  let inFlight: Promise<void> = Promise.resolve();
  let pending: Accepted[] = [];
  try {
    for await (const incoming of objects) {
      const accepted = accept(incoming, summary);
      if (accepted) {
        pending.push(accepted);
        pendingBytes += incoming.json?.length ?? 1000;
      }
      options.onObject?.();
      if (pending.length >= batchSize || pendingBytes >= batchBytes) {
        await inFlight;
        inFlight = write(pending);
        inFlight.catch(() => {}); // awaited at the next batch or at the end; this only marks it handled meanwhile
        pending = [];
        pendingBytes = 0;
      }
    }
    await inFlight;
    if (pending.length > 0) await write(pending);
  } catch (err) {
    await inFlight.catch(() => {});
    await batch?.rollback();
    throw err;
  }
  if (batch) {
    if (summary.rejected.length > 0) {
      await batch.rollback();
      summary.committed = false;
    } else {
      await batch.commit();
      options.onCommit?.(strictIds);
    }
  }
  return summary;
}

function accept(incoming: IncomingObject, summary: ImportSummary): Accepted | null {
  const { origin } = incoming;
  const parsed = parseIncoming(incoming);
  if ('problem' in parsed) {
    summary.rejected.push({ origin, objectId: null, problems: [parsed.problem] });
    return null;
  }
  const object = parsed.object;
  const problems = validateObject(object);
  const objectId = idOf(object);
  if (hasErrors(problems)) {
    summary.rejected.push({ origin, objectId, problems });
    return null;
  }
  for (const p of problems) summary.warnings[p.code] = (summary.warnings[p.code] ?? 0) + 1;
  const item: PutItem = incoming.json === undefined
    ? { object: object as Record<string, unknown> }
    : { object: object as Record<string, unknown>, json: incoming.json };
  return { item, origin };
}

function tally(summary: ImportSummary, accepted: Accepted[], outcomes: PutOutcome[]): string[] {
  const written: string[] = [];
  outcomes.forEach((outcome, i) => {
    const { item, origin } = accepted[i]!;
    const id = item.object.id as string;
    switch (outcome) {
      case 'new-object': summary.newObjects++; written.push(id); break;
      case 'new-version': summary.newVersions++; written.push(id); break;
      case 'duplicate': summary.duplicates++; break;
      case 'after-revocation':
        summary.rejected.push({
          origin, objectId: id,
          problems: [inputProblem('version-after-revocation', id, `${id} is revoked; revocation is permanent, so no newer version may be created`)],
        });
        break;
    }
  });
  return written;
}

function idOf(object: unknown): string | null {
  const id = object !== null && typeof object === 'object' ? (object as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}
