// How many threads decode and match a run: as many as asked, or, for `auto`, as many as pay.
import { availableParallelism } from 'node:os';

export type ThreadChoice = number | 'auto';

/**
 * Past this many indicators `auto` stays on one thread: every thread holds its own copy of the index, and a
 * run that loads a copy per core from a large store spends longer loading than it saves.
 */
export const AUTO_MAX_INDICATORS = 250_000;
/**
 * What `auto`'s copies of the index may take together, a copy reckoned as COPY_BASE plus COPY_PER_INDICATOR
 * each: a copy measured about 140 MB at 100,000 generated indicators, a thread's own heap included (and
 * 700 MB at a million, where the reckoning says more).
 */
export const AUTO_MEMORY_BUDGET = 1024 * 1024 * 1024;
const COPY_BASE = 40 * 1024 * 1024;
const COPY_PER_INDICATOR = 1000;
/** Below this much input `auto` stays on one thread: starting threads and loading their copies would not pay. */
export const AUTO_MIN_BYTES = 64 * 1024 * 1024;
/** Threads `auto` starts at most, whatever the cores: the main thread's reading keeps up with about this many. */
export const AUTO_MAX_THREADS = 4;

export class ThreadChoiceError extends Error {
  constructor(readonly text: string) {
    super(`--threads must be auto or a whole number from 1 to 64, not ${text}`);
    this.name = 'ThreadChoiceError';
  }
}

export function parseThreadChoice(text: string): ThreadChoice {
  if (text === 'auto') return 'auto';
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new ThreadChoiceError(text);
  return n;
}

export interface RunShape {
  /** Indicators the store holds (an upper bound of those in force); asked only when the rest would allow threads. */
  indicators: () => Promise<number>;
  /** Bytes of input known beforehand (files; standard input counts as none). */
  inputBytes: number;
  /** Reading followed files: lines come as written, rarely faster than one thread matches them. */
  follow: boolean;
  cores?: number;
}

export async function threadsFor(choice: ThreadChoice, run: RunShape): Promise<number> {
  if (choice !== 'auto') return choice;
  const cores = run.cores ?? availableParallelism();
  if (cores < 2 || run.follow || run.inputBytes < AUTO_MIN_BYTES) return 1;
  // Counting the store's objects costs a query: only when the answer matters.
  const indicators = await run.indicators();
  if (indicators > AUTO_MAX_INDICATORS) return 1;
  const copies = Math.floor(AUTO_MEMORY_BUDGET / (COPY_BASE + COPY_PER_INDICATOR * indicators));
  const threads = Math.min(cores, AUTO_MAX_THREADS, copies);
  return threads >= 2 ? threads : 1;
}
