// `tail -F`: reads a file as it grows, and reopens it when it is rotated (new inode) or truncated.
import { open, stat, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { REOPENED } from './line-stream.ts';

export interface FollowOptions {
  /** Stops following; the generator then ends after what it has read. */
  signal: AbortSignal;
  /** Milliseconds between looks at a file that has not grown (default 250). */
  pollMs?: number;
  /** Start at the end of an existing file, as tail does, instead of the beginning (default false). */
  fromEnd?: boolean;
}

export async function* followFile(path: string, options: FollowOptions): AsyncGenerator<Buffer | typeof REOPENED> {
  const pollMs = options.pollMs ?? 250;
  let handle: FileHandle | undefined;
  let inode = -1;
  let offset = 0;
  const buffer = Buffer.alloc(1 << 20);
  let first = true;
  try {
    while (!options.signal.aborted) {
      if (handle === undefined) {
        try {
          handle = await open(path, 'r');
          const s = await handle.stat();
          inode = s.ino;
          offset = first && options.fromEnd ? s.size : 0;
        } catch {
          // Not there yet, or between rotation steps: tail -F keeps trying.
          handle = undefined;
        }
        first = false;
      }
      if (handle !== undefined) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        if (bytesRead > 0) {
          offset += bytesRead;
          yield Buffer.from(buffer.subarray(0, bytesRead));
          continue;
        }
        const now = await stat(path).catch(() => undefined);
        if (now === undefined || now.ino !== inode || now.size < offset) {
          // Rotated or truncated: finish nothing more from the old handle, start the new file from its beginning.
          await handle.close();
          handle = undefined;
          yield REOPENED;
          continue;
        }
      }
      await sleep(pollMs, undefined, { signal: options.signal }).catch(() => undefined);
    }
  } finally {
    await handle?.close();
  }
}
