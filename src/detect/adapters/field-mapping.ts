// The mapping file of the generic JSON-lines adapter: which record fields become which SCO properties.
//
// {
//   "time": "block_time",                         record field with the event time (epoch s/ms or RFC 3339)
//   "objects": [
//     { "name": "from", "type": "cryptocurrency-wallet",
//       "properties": { "value": "from_address", "currency": "=ETH" } },   "=…" is a constant
//     { "type": "ipv4-addr", "name": "src", "properties": { "value": "client.ip" } },
//     { "type": "network-traffic", "properties": { "dst_port": "port" }, "refs": { "src_ref": "src" } }
//   ]
// }
// Property keys are object paths (`hashes.SHA-256`, `extensions.http-request-ext.request_method`); field names
// are dotted paths into the record. An object is emitted only when at least one mapped field is present.
import { readFileSync } from 'node:fs';

export interface ObjectMapping {
  name?: string;
  type: string;
  properties: Record<string, string>;
  refs?: Record<string, string>;
}

export interface FieldMapping {
  time: string;
  objects: ObjectMapping[];
}

export class MappingFileError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`mapping ${file}: ${problem}`);
    this.name = 'MappingFileError';
  }
}

export function readMapping(file: string): FieldMapping {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new MappingFileError(file, (err as Error).message);
  }
  return checkMapping(value, file);
}

export function checkMapping(value: unknown, file: string): FieldMapping {
  const fail = (problem: string): never => {
    throw new MappingFileError(file, problem);
  };
  if (!isObject(value)) return fail('must be a JSON object');
  if (typeof value.time !== 'string') fail('"time" must name the record field holding the event time');
  if (!Array.isArray(value.objects) || value.objects.length === 0) fail('"objects" must be a non-empty array');
  const names = new Set<string>();
  (value.objects as unknown[]).forEach((o, i) => {
    if (!isObject(o) || typeof o.type !== 'string' || !isObject(o.properties)) {
      fail(`objects[${i}] needs "type" (an SCO type) and "properties" (object path → record field)`);
    }
    const m = o as Record<string, unknown>;
    for (const [k, v] of Object.entries(m.properties as object)) if (typeof v !== 'string') fail(`objects[${i}].properties.${k} must be a string`);
    if (m.name !== undefined) names.add(String(m.name));
  });
  (value.objects as ObjectMapping[]).forEach((o, i) => {
    for (const [k, target] of Object.entries(o.refs ?? {})) {
      if (!names.has(target)) fail(`objects[${i}].refs.${k} names "${target}", which no object has as its name`);
    }
  });
  return value as unknown as FieldMapping;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
