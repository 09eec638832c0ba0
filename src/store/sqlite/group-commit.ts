// Commits puts that arrive close together in one transaction, and answers each once that commit is done.
import { GroupLostError, type VersionWriter } from './version-writer.ts';
import type { WriterRequest, WriterResponse } from './writer-protocol.ts';

type PutRequest = Extract<WriterRequest, { op: 'put' }>;

/** Bytes of JSON one commit takes at most; importers keep more than this in flight (see ingest/import.ts), so a full group never waits for them. */
const GROUP_BYTES = 4_000_000;
/** How long a group waits for the next put its last one announced (`more`) before committing anyway. */
const HOLD_MS = 20;

/**
 * Every commit writes the index pages it touched to the WAL and waits for the disk, so a bulk import that
 * committed each small batch alone would write the same pages over and over (small batches are what keep
 * its memory and garbage down). Puts that say more follow are held in one open transaction, each in a
 * savepoint, until the group is large, a put without `more` or another request arrives, or the stream
 * pauses; then one commit answers them all. A put made inside a batch that `begin` opened is answered at
 * once: that batch's commit is its owner's.
 */
export class GroupCommit {
  readonly #writer: VersionWriter;
  readonly #post: (response: WriterResponse) => void;
  #held: { ticket: number; result: unknown }[] = [];
  #bytes = 0;
  #commitWhenIdle = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(writer: VersionWriter, post: (response: WriterResponse) => void) {
    this.#writer = writer;
    this.#post = post;
  }

  put(request: PutRequest): void {
    const writer = this.#writer;
    if (writer.inBatch) {
      this.#post(answer(request.ticket, writer.putInGroup(request.batch)));
      return;
    }
    writer.openGroup();
    let result: unknown;
    try {
      result = writer.putInGroup(request.batch);
    } catch (err) {
      this.#fail([...this.#held, { ticket: request.ticket, result: null }], err as GroupLostError);
      return;
    }
    this.#held.push({ ticket: request.ticket, result });
    this.#bytes += request.batch.json.length;
    if (!request.more) this.#commitWhenIdle = true;
    if (this.#bytes >= GROUP_BYTES) this.commit();
  }

  /** Call when no request is queued: commits, unless the group's last put announced more. */
  idle(): void {
    if (this.#held.length === 0) return;
    if (this.#commitWhenIdle) {
      this.commit();
      return;
    }
    if (this.#timer === null) this.#timer = setTimeout(() => this.commit(), HOLD_MS);
    else this.#timer.refresh();
  }

  commit(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const held = this.#take();
    if (held.length === 0) return;
    try {
      this.#writer.commitGroup();
    } catch (err) {
      this.#fail(held, err as Error);
      return;
    }
    for (const { ticket, result } of held) this.#post(answer(ticket, result));
  }

  #fail(held: { ticket: number }[], err: Error): void {
    this.#take();
    for (const { ticket } of held) this.#post(failure(ticket, err));
  }

  /** Ends the group: returns its puts and starts an empty one. */
  #take(): { ticket: number; result: unknown }[] {
    const held = this.#held;
    this.#held = [];
    this.#bytes = 0;
    this.#commitWhenIdle = false;
    return held;
  }
}

function answer(ticket: number, result: unknown): WriterResponse {
  return result instanceof Error ? failure(ticket, result) : { ticket, ok: true, result };
}

export function failure(ticket: number, err: unknown): WriterResponse {
  const error = err as Error & { code?: string };
  return { ticket, ok: false, error: { name: error.name, message: error.message, ...(error.code ? { code: error.code } : {}) } };
}
