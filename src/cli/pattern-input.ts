// Reads the inputs of the pattern commands: a pattern from the argument or -f FILE, observed data from JSON.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { UsageError } from './command.ts';
import type { Io } from './io.ts';

/** The pattern text from exactly one of `argument` and `file` (`-` is standard input). */
export async function readPatternInput(argument: string | undefined, file: string | undefined, io: Io): Promise<string> {
  if (argument !== undefined && file !== undefined) {
    throw new UsageError('give the pattern either as an argument or with -f FILE, not both');
  }
  if (file !== undefined) return stripFileEnding(await readText(file, io));
  if (argument === undefined) throw new UsageError('a pattern is required: give it as an argument or with -f FILE');
  return argument;
}

/** A bundle, an array of STIX objects, or one object, as the list of objects. */
export async function readObservedInput(file: string, io: Io): Promise<unknown[]> {
  const text = await readText(file, io);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (Array.isArray(json)) return json;
  if (typeof json === 'object' && json !== null) {
    const o = json as { type?: unknown; objects?: unknown };
    if (o.type === 'bundle') {
      if (!Array.isArray(o.objects)) throw new UsageError(`${file} is a bundle without an objects list`);
      return o.objects;
    }
    return [json];
  }
  throw new UsageError(`${file} holds neither a bundle, a list of objects nor an object`);
}

async function readText(file: string, io: Io): Promise<string> {
  if (file === '-') return readStream(io.stdin);
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((err as Error).message);
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** A pattern file usually ends with a newline and may start with a byte-order mark; neither is part of it. */
function stripFileEnding(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
}
