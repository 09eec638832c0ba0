// Writes STIX 2.1 bundles as a stream: one object per line, so large outputs never sit in memory twice and diff well in git.
import { deterministicId } from './deterministic-id.ts';
import type { StixObject } from './stix-object.ts';

/** A bundle id derived from a name (e.g. the output's purpose), so rebuilding yields the same file. */
export function bundleId(name: string): string {
  return deterministicId('bundle', name);
}

/** Writes `{"type":"bundle","id":…,"objects":[` + one compact object per line + `]}`; returns the object count. */
export async function writeBundle(
  objects: Iterable<StixObject> | AsyncIterable<StixObject>,
  id: string,
  write: (chunk: string) => unknown,
): Promise<number> {
  write(`{"type":"bundle","id":${JSON.stringify(id)},"objects":[`);
  let count = 0;
  for await (const object of objects) {
    write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(object)}`);
    count += 1;
  }
  write('\n]}\n');
  return count;
}
