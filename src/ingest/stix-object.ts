// The shapes the converters produce: plain STIX 2.1 JSON objects plus the lines they could not convert.
import type { MalformedLineError } from './malformed-line-error.ts';

/** A STIX object as JSON: `type` and `id` always present, everything else per its type. */
export interface StixObject {
  type: string;
  id: string;
  [property: string]: unknown;
}

/** What a converter returns: the objects, and every input line it skipped with the reason. */
export interface Conversion {
  objects: StixObject[];
  skipped: MalformedLineError[];
}

/** The common properties every SDO/SRO a converter makes starts with, in the order the spec lists them. */
export function sdoHeader(type: string, id: string, createdBy: string, date: string): StixObject {
  return { type, spec_version: '2.1', id, created_by_ref: createdBy, created: date, modified: date };
}
