// The most human label an object has, for tables and graphs.

const LABEL_KEYS = ['name', 'value', 'pattern', 'relationship_type', 'opinion', 'abstract', 'definition_type'];

export function displayName(o: Record<string, unknown>): string {
  for (const key of LABEL_KEYS) {
    if (typeof o[key] === 'string') return o[key] as string;
  }
  return '';
}
