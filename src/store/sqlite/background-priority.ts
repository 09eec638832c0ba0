// Lets a thread whose work can wait give the cores to the threads that are waited for.
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/**
 * Moves the calling thread to the lowest scheduling priority. On Linux a thread has an id of its own, which
 * `/proc/thread-self` names, and its priority is its own: the other threads keep theirs. Elsewhere threads
 * cannot be told apart, and nothing is changed. Returns whether the priority was lowered.
 */
export function runAtLowestPriority(): boolean {
  let threadId: number;
  try {
    threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return false;
  }
  if (!Number.isSafeInteger(threadId) || threadId <= 0) return false;
  try {
    setPriority(threadId, constants.priority.PRIORITY_LOW);
    return true;
  } catch {
    return false;
  }
}
