// renderStix: the advisory as a STIX 2.1 bundle — the report and everything it cites, with creators and markings.
import { randomUUID } from 'node:crypto';
import type { Advisory, StixObject } from './advisory.ts';

export function stixBundle(advisory: Advisory): StixObject {
  const seen = new Set<string>();
  const objects: StixObject[] = [];
  for (const object of [...(advisory.report ? [advisory.report] : []), ...advisory.objects, ...advisory.context]) {
    const id = object.id as string;
    if (seen.has(id)) continue;
    seen.add(id);
    objects.push(object);
  }
  return { type: 'bundle', id: `bundle--${randomUUID()}`, objects };
}

/** One object per line, as the demo feed is written: readable, and diffs stay small. */
export function renderStix(advisory: Advisory): string {
  const bundle = stixBundle(advisory);
  const objects = bundle.objects as StixObject[];
  const lines = objects.map((o) => JSON.stringify(o)).join(',\n');
  return `{"type":"bundle","id":${JSON.stringify(bundle.id)},"objects":[${objects.length > 0 ? `\n${lines}\n` : ''}]}\n`;
}
