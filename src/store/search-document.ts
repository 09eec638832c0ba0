// What of an object full-text search looks at: its names, aliases, text and identifiers.

export interface SearchDocument {
  name: string;
  aliases: string;
  body: string;
  ids: string;
}

const NAME_KEYS = ['name', 'value', 'display_name'];
const ALIAS_KEYS = ['aliases', 'x_mitre_aliases', 'tool_aliases', 'roles'];
const BODY_KEYS = ['description', 'pattern', 'abstract', 'content', 'explanation', 'objective', 'opinion', 'relationship_type', 'subject', 'body'];

export function searchDocument(object: Record<string, unknown>): SearchDocument {
  const ids = [object.id, object.type];
  const references = object.external_references;
  if (Array.isArray(references)) {
    for (const ref of references) {
      if (ref !== null && typeof ref === 'object') ids.push((ref as Record<string, unknown>).external_id);
    }
  }
  return {
    name: texts(object, NAME_KEYS),
    aliases: texts(object, ALIAS_KEYS),
    body: texts(object, BODY_KEYS),
    ids: ids.filter((v): v is string => typeof v === 'string').join(' '),
  };
}

function texts(object: Record<string, unknown>, keys: readonly string[]): string {
  const out: string[] = [];
  for (const key of keys) {
    const value = object[key];
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') out.push(item);
  }
  return out.join('\n');
}

/**
 * Turns what a person typed into an FTS5 query that cannot be a syntax error: every word becomes a quoted
 * prefix term (`lazar` finds Lazarus, `G0032` finds the group), and all of them must match.
 */
export function searchExpression(text: string): string | null {
  const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  if (words.length === 0) return null;
  return words.slice(0, 16).map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}
