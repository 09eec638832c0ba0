// Checkpoints the store's WAL on a thread of its own, so that the writer thread spends its time writing.
import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-script.ts';

export type CheckpointerRequest = 'checkpoint' | 'close';

/** Bytes of JSON committed between the checkpoints asked for: a few groups' worth (see GroupCommit). */
const CHECKPOINT_BYTES = 4_000_000;

/**
 * In WAL mode every committed page is written twice: to the log at commit, and into the database file by a
 * checkpoint. Left to SQLite, the writer checkpoints itself whenever a commit leaves the log long, and a bulk
 * import then spends a fifth of its time copying pages instead of writing new ones. So the writer only does
 * so when the log grows very long (see writer-worker.ts), and this thread, started once enough is written,
 * copies the pages of each few megabytes committed on the other core. Its checkpoints are only ever early
 * copies: when it fails or falls behind, the writer's own checkpoints still keep the log bounded. So it runs
 * at the lowest priority, and copies when a core is idle rather than take one from the threads waited for.
 */
export class Checkpointer {
  #thread: Promise<Thread> | null = null;
  #bytes = 0;

  constructor(readonly file: string) {}

  /** Call when a put of `bytes` of JSON has been answered: committed, or written in a batch that commits later. */
  committed(bytes: number): void {
    this.#bytes += bytes;
    if (this.#bytes < CHECKPOINT_BYTES) return;
    this.#bytes = 0;
    this.#thread ??= this.#start();
    this.#thread.then(({ worker }) => worker.postMessage('checkpoint' satisfies CheckpointerRequest), () => {});
  }

  /** Waits for the checkpoint under way, if any, and stops the thread. */
  async close(): Promise<void> {
    const thread = await this.#thread?.catch(() => null);
    this.#thread = null;
    if (!thread) return;
    thread.worker.postMessage('close' satisfies CheckpointerRequest);
    await thread.exited;
  }

  #start(): Promise<Thread> {
    const started = workerScript(new URL('./checkpointer-worker.ts', import.meta.url)).then((script) => {
      const worker = new Worker(script, { eval: true, workerData: { file: this.file } });
      // A failed checkpointer is not fatal (see above): the next request starts another.
      worker.on('error', () => { if (this.#thread === started) this.#thread = null; });
      return { worker, exited: new Promise((resolve) => worker.once('exit', resolve)) };
    });
    return started;
  }
}

interface Thread {
  worker: Worker;
  exited: Promise<unknown>;
}
