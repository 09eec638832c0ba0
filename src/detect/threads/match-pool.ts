// The main thread's side of a threaded run: worker threads each with a copy of the index, results back in input order.
import { workerScript } from '../../store/worker-script.ts';
import type { MalformedLine } from '../adapters/malformed-record-error.ts';
import type { LoadReport, SeveralObservations } from '../engine.ts';
import type { RawBatch } from './line-batches.ts';
import type { BatchResult, EventHits, FromWorker, IndexStats, ToWorker } from './match-protocol.ts';
import { ThreadGroup } from './thread-group.ts';

/** A batch as handled on the main thread: its figures, and the events that hit the index. */
export interface MatchedBatch {
  seq: number;
  records: number;
  events: number;
  latest: number;
  malformed: MalformedLine[];
  hits: EventHits[];
}

/** Batches in flight per thread: enough that none waits for the next, few enough to bound what is held. */
const IN_FLIGHT_PER_THREAD = 4;

interface Sent {
  thread: number;
  batch: RawBatch;
}

export class MatchPool {
  readonly #group: ThreadGroup<ToWorker, FromWorker>;
  readonly #outstanding: number[];
  readonly #sent = new Map<number, Sent>();
  readonly #results = new Map<number, BatchResult>();
  #arrived: (() => void) | undefined;
  #replies: { op: 'loaded' | 'stats'; got: FromWorker[]; done: (all: FromWorker[]) => void } | undefined;
  #seq = 0;
  /** Settles when the match in progress ends: one match at a time (a hub's batches may come together). */
  #turn: Promise<void> = Promise.resolve();

  private constructor(script: string, threads: number) {
    this.#outstanding = new Array<number>(threads).fill(0);
    this.#group = new ThreadGroup<ToWorker, FromWorker>(script, threads, (thread, message) => this.#receive(thread, message));
  }

  static async start(threads: number): Promise<MatchPool> {
    const script = await workerScript(new URL('./match-worker.ts', import.meta.url));
    return new MatchPool(script, threads);
  }

  get threads(): number {
    return this.#group.size;
  }

  /** The seq the next batch will get: changes sent now apply from it on. */
  get nextSeq(): number {
    return this.#seq;
  }

  /** Gives every thread a page of indicator JSON to index, judged in force at `now`. */
  index(page: string[], now: number): void {
    this.#group.broadcast({ op: 'indicators', json: page, now });
  }

  /**
   * Once every page is given: when all threads have indexed theirs, one thread's load report and patterns
   * over several observations (the copies are alike).
   */
  async loaded(): Promise<{ report: LoadReport; several: SeveralObservations }> {
    const [first] = await this.#askAll('loaded');
    const { report, several } = first as { report: LoadReport; several: SeveralObservations };
    return { report, several };
  }

  /** Indicator changes for every thread, applied before the batches sent after them; returns the first such seq. */
  change(objects: Record<string, unknown>[], now: number): number {
    this.#group.broadcast({ op: 'changes', objects, now });
    return this.#seq;
  }

  /** The index figures, summed over the threads' copies (candidates and confirmed; the copies are alike). */
  async stats(): Promise<IndexStats> {
    const replies = (await this.#askAll('stats')) as { stats: IndexStats }[];
    const first = replies[0]!.stats;
    return {
      paths: first.paths,
      entries: first.entries,
      candidates: replies.reduce((n, r) => n + r.stats.candidates, 0),
      confirmed: replies.reduce((n, r) => n + r.stats.confirmed, 0),
    };
  }

  /**
   * Sends the batches to the threads as they are read, keeping a few in flight per thread, and yields their
   * results in the order the batches were read. A thread failing ends it with a DetectionWorkerError. Matches
   * asked for together run one after the other.
   */
  async *match(batches: AsyncIterable<RawBatch>): AsyncGenerator<MatchedBatch> {
    const before = this.#turn;
    let finished!: () => void;
    this.#turn = new Promise((resolve) => { finished = resolve; });
    try {
      await before;
      yield* this.#matchAlone(batches);
    } finally {
      finished();
    }
  }

  async *#matchAlone(batches: AsyncIterable<RawBatch>): AsyncGenerator<MatchedBatch> {
    const source = batches[Symbol.asyncIterator]();
    let want = this.#seq;
    let pull: Promise<IteratorResult<RawBatch>> | undefined;
    let ended = false;
    const capacity = IN_FLIGHT_PER_THREAD * this.threads;
    try {
      for (;;) {
        for (let r = this.#results.get(want); r !== undefined; r = this.#results.get(want)) {
          yield this.#handled(r);
          want++;
        }
        if (ended && want === this.#seq) return;
        if (!ended && this.#sent.size < capacity) pull ??= source.next();
        // A followed input may be quiet for long: results already in must not wait for its next line.
        const arrival = new Promise<void>((resolve) => { this.#arrived = resolve; });
        const next = await this.#group.until(pull ? Promise.race([pull, arrival]) : arrival);
        if (next === undefined) continue;
        pull = undefined;
        if (next.done) ended = true;
        else this.#send(next.value);
      }
    } finally {
      this.#arrived = undefined;
      // Stopped early (an error here or in the consumer): the source is let go without waiting for its next read.
      if (!ended) source.return?.(undefined).catch(() => {});
    }
  }

  async close(): Promise<void> {
    await this.#group.close();
  }

  #send(batch: RawBatch): void {
    const seq = this.#seq++;
    let thread = 0;
    for (let i = 1; i < this.#outstanding.length; i++) if (this.#outstanding[i]! < this.#outstanding[thread]!) thread = i;
    this.#outstanding[thread]!++;
    this.#sent.set(seq, { thread, batch });
    if (batch.kind === 'lines') {
      this.#group.post(thread, { op: 'lines', seq, decoder: batch.decoder, texts: batch.texts, lines: batch.lines }, [batch.lines.buffer as ArrayBuffer]);
    } else {
      this.#group.post(thread, { op: 'events', seq, events: batch.events });
    }
  }

  #handled(result: BatchResult): MatchedBatch {
    const sent = this.#sent.get(result.seq)!;
    this.#sent.delete(result.seq);
    this.#results.delete(result.seq);
    const batch = sent.batch;
    const malformed: MalformedLine[] = batch.kind === 'events'
      ? batch.malformed
      : result.malformed.map(([line, reason]) => ({ source: batch.decoder.source, line, reason }));
    return { seq: result.seq, records: batch.records, events: result.events, latest: result.latest, malformed, hits: result.hits };
  }

  #receive(thread: number, message: FromWorker): void {
    if (message.op === 'result') {
      this.#outstanding[thread]!--;
      this.#results.set(message.seq, message);
      this.#arrived?.();
      return;
    }
    const replies = this.#replies;
    if (replies === undefined || replies.op !== message.op) return;
    replies.got.push(message);
    if (replies.got.length === this.threads) {
      this.#replies = undefined;
      replies.done(replies.got);
    }
  }

  /** One question to every thread; its replies, once all have answered, in the order they came. */
  #askAll(op: 'loaded' | 'stats'): Promise<FromWorker[]> {
    const answered = new Promise<FromWorker[]>((done) => { this.#replies = { op, got: [], done }; });
    this.#group.broadcast({ op });
    return this.#group.until(answered);
  }
}
