// A byte-based progress bar on a terminal; nothing at all when output is redirected.
import { SingleBar, Presets } from 'cli-progress';
import type { Output } from './io.ts';

export interface Progress {
  advance(bytes: number): void;
  stop(): void;
}

export function progressBar(out: Output, totalBytes: number, label: string): Progress {
  if (!out.isTTY || totalBytes <= 0) return { advance: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} MB | {objects} objects`,
    stream: out as NodeJS.WritableStream,
    hideCursor: true,
    clearOnComplete: true,
  }, Presets.shades_classic);
  const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;
  let done = 0;
  let objects = 0;
  bar.start(mb(totalBytes), 0, { objects });
  return {
    advance(bytes: number): void {
      done += bytes;
      if (bytes === 0) objects++;
      bar.update(mb(done), { objects });
    },
    stop: () => bar.stop(),
  };
}
