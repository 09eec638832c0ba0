// Turns the command's inputs (files, directories, `-`) into named byte streams, gunzipping where needed.
import { createReadStream, openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface TelemetryInput {
  /** The path as given (or `stdin`), used in reports as `name:line`. */
  name: string;
  size: number;
  /** Found inside a directory given as input: skipped, not fatal, when its format is not recognised. */
  inDirectory: boolean;
  open(): AsyncIterable<Buffer | string>;
}

export class TelemetryInputError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`cannot read ${path}: ${reason}`);
    this.name = 'TelemetryInputError';
  }
}

/** Every file under each path (directories recursively, sorted; hidden files skipped). */
export function expandTelemetry(paths: readonly string[], stdin?: Readable, inDirectory = false): TelemetryInput[] {
  const out: TelemetryInput[] = [];
  for (const path of paths) {
    if (path === '-') {
      if (!stdin) throw new TelemetryInputError('-', 'standard input is not available');
      out.push({ name: 'stdin', size: 0, inDirectory, open: () => gzipChecked('stdin', maybeGunzip(stdin)) });
      continue;
    }
    let stats;
    try {
      stats = statSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new TelemetryInputError(path, code === 'ENOENT' ? 'no such file or directory' : (err as Error).message);
    }
    if (stats.isDirectory()) {
      out.push(...expandTelemetry(readdirSync(path).filter((n) => !n.startsWith('.')).sort().map((n) => join(path, n)), stdin, true));
    } else {
      out.push({ name: path, size: stats.size, inDirectory, open: () => openFile(path) });
    }
  }
  return out;
}

function openFile(path: string): AsyncIterable<Buffer> {
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  return isGzipFile(path) ? gzipChecked(path, stream.pipe(createGunzip())) : stream;
}

/** A corrupt or truncated gzip stream is the input's fault: report it as such, naming the input. */
export async function* gzipChecked(name: string, source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* source;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw new TelemetryInputError(name, `not valid gzip (${(err as Error).message})`);
    throw err;
  }
}

/** By content, not name: gzip's magic bytes 1f 8b. */
export function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Standard input may be gzip'd too (`zcat` is then unnecessary): look at the first chunk. */
async function* maybeGunzip(stdin: Readable): AsyncGenerator<Buffer> {
  const it = (stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value as string);
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as string);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    const feed = (async () => {
      for await (const c of all()) if (!gunzip.write(c)) await new Promise((r) => gunzip.once('drain', r));
      gunzip.end();
    })();
    yield* gunzip as AsyncIterable<Buffer>;
    await feed;
  } else {
    yield* all();
  }
}
