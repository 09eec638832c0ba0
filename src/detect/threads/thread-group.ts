// A fixed set of worker threads running one script; the first thread to fail or stop fails the whole group.
import { Worker } from 'node:worker_threads';

export class DetectionWorkerError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DetectionWorkerError';
  }
}

export class ThreadGroup<In, Out> {
  readonly #workers: Worker[];
  #closing = false;
  #failure: DetectionWorkerError | undefined;
  /** Whoever waits on the group, to be failed with it. */
  readonly #waiting = new Set<(err: DetectionWorkerError) => void>();

  /** `script` is evaluated as each thread's code (see workerScript); messages are given with the thread's number. */
  constructor(script: string, count: number, onMessage: (thread: number, message: Out) => void) {
    this.#workers = Array.from({ length: count }, (_, i) => {
      const worker = new Worker(script, { eval: true });
      worker.on('message', (message: Out) => onMessage(i, message));
      worker.on('error', (err) => this.#fail(new DetectionWorkerError(`detection worker thread ${i + 1} failed: ${err.message}`, { cause: err })));
      worker.on('exit', (code) => {
        if (!this.#closing) this.#fail(new DetectionWorkerError(`detection worker thread ${i + 1} stopped (exit code ${code})`));
      });
      return worker;
    });
  }

  get size(): number {
    return this.#workers.length;
  }

  post(thread: number, message: In, transfer: ArrayBuffer[] = []): void {
    if (this.#failure) throw this.#failure;
    this.#workers[thread]!.postMessage(message, transfer);
  }

  broadcast(message: In): void {
    for (let i = 0; i < this.#workers.length; i++) this.post(i, message);
  }

  /**
   * Waits for `promise`, or throws the group's failure if a thread fails first. (Not a race with one
   * long-lived "failed" promise: every wait would leave a reaction on it holding what the wait resolved to.)
   */
  until<T>(promise: Promise<T>): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise<T>((resolve, reject) => {
      this.#waiting.add(reject);
      promise.then(
        (value) => { this.#waiting.delete(reject); resolve(value); },
        (err: unknown) => { this.#waiting.delete(reject); reject(err); },
      );
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #fail(err: DetectionWorkerError): void {
    if (this.#failure || this.#closing) return;
    this.#failure = err;
    for (const reject of this.#waiting) reject(err);
    this.#waiting.clear();
    // The others are of no use without it: stop them, so that nothing is left running.
    void this.close();
  }
}
