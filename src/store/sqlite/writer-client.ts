// The main thread's handle on the writer thread: started on the first write, requests answered in order.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WriterRequest, WriterResponse } from './writer-protocol.ts';

type Request = WriterRequest extends infer R ? (R extends WriterRequest ? Omit<R, 'ticket'> : never) : never;

export class StoreWriteError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'StoreWriteError';
  }
}

// The worker runs TypeScript like the rest of Tocsin, through tsx's synchronous require hook: its module
// graph is small and plain, and the hook boots in about half the time of the ES module loader, which runs its
// hooks on yet another thread (the writer's boot is part of every import's time).
const BOOT = [
  `require(${JSON.stringify(fileURLToPath(import.meta.resolve('tsx/cjs/api')))}).register();`,
  `require(${JSON.stringify(fileURLToPath(new URL('./writer-worker.ts', import.meta.url)))});`,
].join('\n');

export class WriterClient {
  #worker: Worker | null = null;
  #ticket = 0;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();

  constructor(readonly file: string) {}

  /** Starts the thread now, so that the first write does not wait for it to boot. */
  start(): void {
    if (!this.#worker) this.#start();
  }

  send<T>(request: Request): Promise<T> {
    const worker = this.#worker ?? this.#start();
    const ticket = ++this.#ticket;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(ticket, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, ticket });
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    await this.send({ op: 'close' });
    // The thread may already have exited (and the exit handler cleared #worker) by the time the reply lands.
    await worker.terminate();
    this.#worker = null;
  }

  #start(): Worker {
    const worker = new Worker(BOOT, { eval: true, workerData: { file: this.file } });
    worker.on('message', (response: WriterResponse) => {
      const waiting = this.#pending.get(response.ticket);
      this.#pending.delete(response.ticket);
      if (!waiting) return;
      if (response.ok) waiting.resolve(response.result);
      else waiting.reject(new StoreWriteError(response.error.message, response.error.code));
    });
    worker.on('error', (err) => this.#failAll(err));
    worker.on('exit', (code) => {
      if (this.#pending.size > 0) this.#failAll(new StoreWriteError(`the store's writer thread stopped (exit code ${code})`, undefined));
      this.#worker = null;
    });
    this.#worker = worker;
    return worker;
  }

  #failAll(err: Error): void {
    for (const waiting of this.#pending.values()) waiting.reject(err);
    this.#pending.clear();
  }
}
