// The main thread's handle on the writer thread: started on the first write, requests answered in order.
import { Worker } from 'node:worker_threads';
import type { WriterRequest, WriterResponse } from './writer-protocol.ts';
import { workerScript } from '../worker-script.ts';

type Request = WriterRequest extends infer R ? (R extends WriterRequest ? Omit<R, 'ticket'> : never) : never;

export class StoreWriteError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'StoreWriteError';
  }
}

export class WriterClient {
  #worker: Promise<Worker> | null = null;
  #ticket = 0;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();

  constructor(readonly file: string) {}

  /** Starts the thread now, so that the first write does not wait for it to boot. */
  start(): void {
    if (!this.#worker) this.#start();
  }

  /** `transfer` lists buffers the request hands over to the thread (they are unusable here afterwards). */
  send<T>(request: Request, transfer: ArrayBuffer[] = []): Promise<T> {
    const worker = this.#worker ?? this.#start();
    const ticket = ++this.#ticket;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(ticket, { resolve: resolve as (value: unknown) => void, reject });
      // Requests made while the thread boots are posted once it is up, in the order they were made.
      worker.then((w) => w.postMessage({ ...request, ticket }, transfer), (err: Error) => {
        this.#pending.delete(ticket);
        reject(err);
      });
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    await this.send({ op: 'close' });
    // The thread may already have exited (and the exit handler cleared #worker) by the time the reply lands.
    await (await worker).terminate();
    this.#worker = null;
  }

  #start(): Promise<Worker> {
    const started = workerScript(new URL('./writer-worker.ts', import.meta.url)).then((script) => this.#spawn(script));
    // A thread that could not be started leaves nothing behind: the next request tries again.
    started.catch(() => { if (this.#worker === started) this.#worker = null; });
    this.#worker = started;
    return started;
  }

  #spawn(script: string): Worker {
    const worker = new Worker(script, { eval: true, workerData: { file: this.file } });
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
    return worker;
  }

  #failAll(err: Error): void {
    for (const waiting of this.#pending.values()) waiting.reject(err);
    this.#pending.clear();
  }
}
