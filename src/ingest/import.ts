// Validates incoming objects and writes them to the store in batches; one bad object never stops the rest.
import type { Problem } from '../stix/problem.ts';
import { hasErrors } from '../stix/problem.ts';
import { validateObject } from '../stix/index.ts';
import type { PutItem, PutOutcome, Store, VersionRef } from '../store/store.ts';
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
  /** Objects per batch sent to the store, which may commit several together (a batch also closes at `batchBytes` of JSON). */
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
  const batchSize = options.batchSize ?? 250;
  const batchBytes = options.batchBytes ?? 1_000_000;
  let pendingBytes = 0;
  store.prepareWrites();
  const batch = options.strict ? await store.begin() : null;
  const strictIds: string[] = [];
  const lookups = new LookupPacing();
  const settled = async (sent: Promise<PutOutcome[]>, ids: string[], origins: string[]): Promise<void> => {
    const outcomes = await sent;
    if (outcomes.includes('duplicate')) lookups.found();
    const written = tally(summary, ids, origins, outcomes);
    if (batch) strictIds.push(...written);
    else options.onCommit?.(written);
  };
  // Batches are small and several are on their way at once: parsing goes on while the store writes (and
  // commits what has queued up together), and parsed objects are let go young, which keeps the garbage
  // collector's work down. Memory stays bounded: at most IN_FLIGHT batches are sent and not yet stored.
  const inFlight: Promise<void>[] = [];
  let pending: Accepted[] = [];
  // Returns the wait for a free slot when there is one to wait for: most objects only join the pending batch.
  const add = (accepted: Accepted, bytes: number): Promise<void> | undefined => {
    pending.push(accepted);
    pendingBytes += bytes;
    if (pending.length < batchSize && pendingBytes < batchBytes) return undefined;
    // When this batch fills the last free slot, the wait for the oldest one follows: the store must not hold
    // its commit for batches that cannot come until it answers.
    const full = inFlight.length + 1 >= IN_FLIGHT;
    send(pending, !full);
    pending = [];
    pendingBytes = 0;
    return full ? inFlight.shift() : undefined;
  };
  // Only the ids and origins are kept while a batch is on its way: its parsed objects can then be collected
  // young, instead of surviving (and being copied by) the garbage collector until the store answers.
  const send = (accepted: Accepted[], more: boolean): void => {
    const items = accepted.map((a) => a.item);
    const put = batch ? batch.put(items) : store.put(items, { more });
    const sent = settled(put, accepted.map((a) => a.item.object.id as string), accepted.map((a) => a.origin));
    sent.catch(() => {}); // awaited in turn or at the end; this only marks it handled meanwhile
    inFlight.push(sent);
  };
  // Parsed objects wait in small groups so that one store lookup finds the versions already stored. A group
  // is bounded in JSON as well as in objects: its parsed objects are all held until it is settled. Whether a
  // group is looked up is known as it starts (see LookupPacing); one that is not is not held at all, and each
  // of its objects goes on as soon as it is parsed, so that fewer parsed objects outlive a garbage collection.
  let group: Entry[] = [];
  let groupCount = 0;
  let groupBytes = 0;
  let lookingUp: boolean | null = null;
  const handle = (entry: Entry, stored: boolean): Promise<void> | undefined => {
    if ('problem' in entry) summary.rejected.push({ origin: entry.incoming.origin, objectId: null, problems: [entry.problem] });
    else if (stored) summary.duplicates++;
    else {
      const accepted = validated(entry, summary);
      if (accepted) return add(accepted, entry.incoming.json?.length ?? 1000);
    }
    return undefined;
  };
  const settle = async (): Promise<void> => {
    const stored = group.length > 0 ? await storedAlready(store, group, lookups) : NONE_STORED;
    for (let i = 0; i < group.length; i++) {
      const slot = handle(group[i]!, stored[i] === true);
      if (slot) await slot;
    }
    group = [];
  };
  try {
    for await (const incoming of objects) {
      const entry: Entry = { incoming, ...parseIncoming(incoming) };
      options.onObject?.();
      lookingUp ??= lookups.next();
      groupBytes += incoming.json?.length ?? 0;
      if (lookingUp) group.push(entry);
      else {
        const slot = handle(entry, false);
        if (slot) await slot;
      }
      if (++groupCount >= LOOKUP_GROUP || groupBytes >= LOOKUP_GROUP_BYTES) {
        await settle();
        groupCount = 0;
        groupBytes = 0;
        lookingUp = null;
      }
    }
    await settle();
    // The last batch (empty when the input ended on a full one) tells the store that no more follow.
    if (pending.length > 0 || inFlight.length > 0) send(pending, false);
    while (inFlight.length > 0) await inFlight.shift();
  } catch (err) {
    await Promise.allSettled(inFlight);
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

interface Parsed {
  incoming: IncomingObject;
  object: unknown;
}

/** An incoming object in its lookup group: parsed, or with the problem that stopped its parsing. */
type Entry = Parsed | { incoming: IncomingObject; problem: Problem };

const LOOKUP_GROUP = 256;
/** A group also closes at this many characters of JSON (a bundle of large reports would otherwise be held whole). */
const LOOKUP_GROUP_BYTES = 1_000_000;
const IN_FLIGHT = 16;
/** After a lookup that found nothing, the groups passed over before the next one is looked up. */
const LOOKUP_SKIP = 7;
const NONE_STORED: readonly boolean[] = [];

/**
 * Looking up stored versions first pays when the input repeats what the store holds (a re-import, a feed
 * fetched again); a first import finds nothing and only pays for the lookups. So after a lookup that found
 * nothing, the next few groups go unlooked-up, until a lookup or the writer (which tells a stored version
 * apart as a duplicate in any case) finds one again. A stored version in a skipped group is then validated
 * before it is counted as a duplicate: the outcome is the same.
 */
class LookupPacing {
  #skip = 0;

  /** Whether to look up the next group. */
  next(): boolean {
    if (this.#skip === 0) return true;
    this.#skip--;
    return false;
  }

  found(): void {
    this.#skip = 0;
  }

  foundNone(): void {
    this.#skip = LOOKUP_SKIP;
  }
}

/**
 * A version already stored is the same object (STIX identifies versions by id and modified), so it is
 * counted as a duplicate without being validated or sent to the writer again.
 */
async function storedAlready(store: Store, group: Entry[], lookups: LookupPacing): Promise<boolean[]> {
  const refs: VersionRef[] = [];
  const at: number[] = [];
  group.forEach((entry, i) => {
    const ref = 'object' in entry ? versionRefOf(entry.object) : null;
    if (ref) {
      refs.push(ref);
      at.push(i);
    }
  });
  const stored = new Array<boolean>(group.length).fill(false);
  if (refs.length === 0) return stored;
  const known = await store.hasVersions(refs);
  known.forEach((isStored, k) => { stored[at[k]!] = isStored; });
  if (known.includes(true)) lookups.found();
  else lookups.foundNone();
  return stored;
}

function versionRefOf(object: unknown): VersionRef | null {
  if (object === null || typeof object !== 'object') return null;
  const { id, modified } = object as { id?: unknown; modified?: unknown };
  if (typeof id !== 'string' || (modified !== undefined && typeof modified !== 'string')) return null;
  return { id, modified: modified ?? null };
}

function validated({ incoming, object }: Parsed, summary: ImportSummary): Accepted | null {
  const { origin } = incoming;
  const problems = validateObject(object);
  const objectId = idOf(object);
  if (hasErrors(problems)) {
    summary.rejected.push({ origin, objectId, problems });
    return null;
  }
  for (const p of problems) summary.warnings[p.code] = (summary.warnings[p.code] ?? 0) + 1;
  const item: PutItem = incoming.json === undefined
    ? { object: object as Record<string, unknown> }
    : { object: object as Record<string, unknown>, json: incoming.json, ...(incoming.bytes ? { jsonBytes: incoming.bytes } : {}) };
  return { item, origin };
}

function tally(summary: ImportSummary, ids: readonly string[], origins: readonly string[], outcomes: PutOutcome[]): string[] {
  const written: string[] = [];
  outcomes.forEach((outcome, i) => {
    const id = ids[i]!;
    switch (outcome) {
      case 'new-object': summary.newObjects++; written.push(id); break;
      case 'new-version': summary.newVersions++; written.push(id); break;
      case 'duplicate': summary.duplicates++; break;
      case 'after-revocation':
        summary.rejected.push({
          origin: origins[i]!, objectId: id,
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
