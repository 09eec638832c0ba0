// Reads over the objects an advisory draws on: names by id, relationships by type, ATT&CK ids and references.
import type { Reference, StixObject } from './advisory.ts';

export class Lookup {
  readonly #byId = new Map<string, StixObject>();
  readonly relationships: StixObject[];

  constructor(readonly cited: StixObject[], context: StixObject[], report: StixObject | null) {
    for (const object of [...context, ...(report ? [report] : []), ...cited]) this.#byId.set(object.id as string, object);
    this.relationships = cited.filter((o) => o.type === 'relationship');
  }

  get(id: unknown): StixObject | undefined {
    return typeof id === 'string' ? this.#byId.get(id) : undefined;
  }

  ofType(...types: string[]): StixObject[] {
    return this.cited.filter((o) => types.includes(o.type as string));
  }

  /** The name people know an object by; the id when the object is not at hand. */
  name(id: unknown): string {
    const object = this.get(id);
    if (!object) return String(id);
    for (const key of ['name', 'value', 'country', 'region']) {
      if (typeof object[key] === 'string' && object[key] !== '') return object[key] as string;
    }
    return object.id as string;
  }

  /** Cited relationships of one type, optionally only those from or to an object. */
  related(type: string, end: { from?: string; to?: string } = {}): StixObject[] {
    return this.relationships.filter((r) => r.relationship_type === type
      && (end.from === undefined || r.source_ref === end.from)
      && (end.to === undefined || r.target_ref === end.to));
  }
}

/** The ATT&CK id of an object (T1566.001, G0032, S0001, M1049) and its page, from its `mitre-attack` reference. */
export function attackRef(object: StixObject): { attackId: string | null; url: string | null } {
  const ref = externalRefs(object).find((r) => r.source_name === 'mitre-attack' && typeof r.external_id === 'string');
  return {
    attackId: ref ? (ref.external_id as string) : null,
    url: ref && typeof ref.url === 'string' ? ref.url : null,
  };
}

export function externalRefs(object: StixObject): Record<string, unknown>[] {
  return Array.isArray(object.external_references)
    ? object.external_references.filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object')
    : [];
}

export function toReference(ref: Record<string, unknown>): Reference {
  return {
    sourceName: typeof ref.source_name === 'string' ? ref.source_name : '',
    url: typeof ref.url === 'string' ? ref.url : null,
    externalId: typeof ref.external_id === 'string' ? ref.external_id : null,
    description: typeof ref.description === 'string' ? ref.description : null,
  };
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}
