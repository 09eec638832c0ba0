// What changed between two versions of an object, property by property (top level; nested values compared whole).

export interface PropertyChange {
  property: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

// Always differ between versions and say nothing about what the producer changed.
const IGNORED = new Set(['modified']);

export function versionChanges(before: Record<string, unknown>, after: Record<string, unknown>): PropertyChange[] {
  const changes: PropertyChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const property of keys) {
    if (IGNORED.has(property)) continue;
    const had = property in before;
    const has = property in after;
    if (had && !has) changes.push({ property, kind: 'removed', before: before[property] });
    else if (!had && has) changes.push({ property, kind: 'added', after: after[property] });
    else if (JSON.stringify(before[property]) !== JSON.stringify(after[property])) {
      changes.push({ property, kind: 'changed', before: before[property], after: after[property] });
    }
  }
  return changes;
}
