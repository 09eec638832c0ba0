// Builds STIX 2.1 observed-data with its SCOs for matcher tests, so each test states only what it is about.

let counter = 0;

export interface ObservedOptions {
  /** first_observed; defaults to 2024-01-01T00:00:00Z. */
  at?: string;
  /** last_observed; defaults to `at`. */
  until?: string;
  count?: number;
  id?: string;
}

/** An observed-data object followed by its SCOs (each given an id unless it has one). */
export function observed(scos: Record<string, unknown>[], options: ObservedOptions = {}): Record<string, unknown>[] {
  const withIds = scos.map((sco) => ({ id: `${String(sco.type)}--${uuid()}`, ...sco }));
  const at = options.at ?? '2024-01-01T00:00:00Z';
  return [
    {
      type: 'observed-data',
      spec_version: '2.1',
      id: options.id ?? `observed-data--${uuid()}`,
      created: at,
      modified: at,
      first_observed: at,
      last_observed: options.until ?? at,
      number_observed: options.count ?? 1,
      object_refs: withIds.map((s) => s.id),
    },
    ...withIds,
  ];
}

function uuid(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}
