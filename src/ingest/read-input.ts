// Turns files, directories and stdin into a stream of incoming objects, chunk by chunk.
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { BundleSplitter, SplitError } from './bundle-splitter.ts';
import type { IncomingObject } from './incoming.ts';

export interface InputFile {
  path: string;
  size: number;
}

export class InputNotFoundError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`cannot read ${path}: ${reason}`);
    this.name = 'InputNotFoundError';
  }
}

const READABLE = new Set(['.json', '.jsonl', '.ndjson']);
const LINE_FORMATS = new Set(['.jsonl', '.ndjson']);

/** Files to read for each path: the file itself, or a directory's .json/.jsonl files, recursively, sorted. */
export function expandInputs(paths: readonly string[]): InputFile[] {
  const files: InputFile[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (err) {
      throw new InputNotFoundError(path, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message);
    }
    if (stats.isDirectory()) {
      const names = readdirSync(path).sort();
      const inside = names.map((name) => join(path, name))
        .filter((child) => statSync(child).isDirectory() || READABLE.has(extname(child).toLowerCase()));
      files.push(...expandInputs(inside));
    } else {
      files.push({ path, size: stats.size });
    }
  }
  return files;
}

export function readFile(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<IncomingObject> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  return LINE_FORMATS.has(extname(path).toLowerCase())
    ? readLines(stream, path, onBytes)
    : readDocuments(stream, path, onBytes);
}

/** Reads bundles, arrays of objects, single objects, or several of them in a row. */
export async function* readDocuments(
  stream: Readable, name: string, onBytes?: (bytes: number) => void,
): AsyncGenerator<IncomingObject> {
  const splitter = new BundleSplitter();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const element of splitter.elements(chunk)) {
        yield { json: element.text, bytes: element.bytes, origin: originOf(name, element.line, element.index) };
      }
      onBytes?.(chunk.length);
    }
    splitter.end();
  } catch (err) {
    if (!(err instanceof SplitError)) throw err;
    yield { origin: `${name}:${err.line}`, error: err.reason };
  }
}

/** Reads JSON lines: one object per line, so a broken line cannot spoil the ones after it. */
export async function* readLines(
  stream: Readable, name: string, onBytes?: (bytes: number) => void,
): AsyncGenerator<IncomingObject> {
  let rest: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a, start)) {
      line++;
      const text = data.toString('utf8', start, nl).trim();
      if (text !== '') yield { json: text, origin: `${name}:${line}` };
      start = nl + 1;
    }
    rest = data.subarray(start);
    onBytes?.(chunk.length);
  }
  const last = rest.toString('utf8').trim();
  if (last !== '') yield { json: last, origin: `${name}:${line + 1}` };
}

function originOf(name: string, line: number, index: number): string {
  return index >= 0 ? `${name}:${line} objects[${index}]` : `${name}:${line}`;
}
