// Generic JSON lines (transaction logs, proxy logs…) turned into SCOs through a field mapping file.
import type { Sco, TelemetryEvent } from '../event.ts';
import type { FieldMapping } from './field-mapping.ts';
import type { LineDecoder } from './line-decoder.ts';
import { MalformedRecordError } from './malformed-record-error.ts';
import { parseJsonLine } from './parse-json-line.ts';

interface CompiledObject {
  name: string | undefined;
  type: string;
  properties: { path: string[]; read: (r: Record<string, unknown>) => unknown }[];
  refs: [string, string][];
}

export class JsonLinesDecoder implements LineDecoder {
  private readonly objects: CompiledObject[];
  private readonly time: (r: Record<string, unknown>) => unknown;

  constructor(private readonly source: string, mapping: FieldMapping) {
    this.time = reader(mapping.time);
    this.objects = mapping.objects.map((o) => ({
      name: o.name,
      type: o.type,
      properties: Object.entries(o.properties).map(([path, field]) => ({ path: path.split('.'), read: reader(field) })),
      refs: Object.entries(o.refs ?? {}),
    }));
  }

  decode(text: string, line: number): TelemetryEvent | null {
    const record = parseJsonLine(text);
    const time = toSeconds(this.time(record));
    if (time === undefined) throw new MalformedRecordError('the time field is missing or not a time');
    const objects: Sco[] = [];
    const refOf = new Map<string, string>();
    const pending: [Sco, [string, string][]][] = [];
    for (const o of this.objects) {
      const sco: Sco = { type: o.type };
      let mapped = 0;
      for (const p of o.properties) {
        const v = p.read(record);
        if (v === undefined || v === null || v === '') continue;
        setPath(sco, p.path, v);
        mapped++;
      }
      if (mapped === 0) continue;
      if (o.name !== undefined) refOf.set(o.name, String(objects.length));
      objects.push(sco);
      pending.push([sco, o.refs]);
    }
    for (const [sco, refs] of pending) {
      for (const [property, target] of refs) {
        const ref = refOf.get(target);
        if (ref !== undefined) sco[property] = property.endsWith('_refs') ? [ref] : ref;
      }
    }
    return objects.length === 0 ? null : { time, objects, source: this.source, line, record };
  }
}

/** `=text` is a constant; otherwise a dotted path into the record (a literal key containing dots wins). */
function reader(field: string): (r: Record<string, unknown>) => unknown {
  if (field.startsWith('=')) {
    const constant = field.slice(1);
    return () => constant;
  }
  const parts = field.split('.');
  return (r) => {
    if (field in r) return r[field];
    let v: unknown = r;
    for (const p of parts) {
      if (typeof v !== 'object' || v === null) return undefined;
      v = (v as Record<string, unknown>)[p];
    }
    return v;
  };
}

function setPath(target: Sco, path: string[], value: unknown): void {
  let at: Record<string, unknown> = target;
  for (let i = 0; i < path.length - 1; i++) {
    const next = at[path[i]!];
    if (typeof next !== 'object' || next === null) at[path[i]!] = {};
    at = at[path[i]!] as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = value;
}

/** Epoch seconds, epoch milliseconds (values past year 33658 in seconds), or an RFC 3339 string. */
function toSeconds(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v > 1e12 ? v / 1000 : v;
  if (typeof v === 'string') {
    if (/^\d+(?:\.\d+)?$/.test(v)) return toSeconds(Number(v));
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? undefined : ms / 1000;
  }
  return undefined;
}
