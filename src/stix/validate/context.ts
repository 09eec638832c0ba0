// The per-object validation context: which object is being checked and the problems found so far.
import { makeProblem, type Problem, type RuleCode } from '../problem.ts';
import type { TypeSpec } from '../types/model.ts';

export class Context {
  readonly problems: Problem[] = [];
  /** Set when the object carries a toplevel-property-extension, which makes unknown top-level properties legitimate. */
  toplevelExtension = false;
  /** Set when some timestamp was malformed: ordering checks then re-verify their operands instead of trusting them. */
  badTimestamp = false;
  constructor(
    readonly objectId: string | null,
    readonly type: string,
    /** The object under validation (granular-marking selectors resolve against it). */
    readonly root: Record<string, unknown>,
    /** The model entry of the type, or null for a custom object type. */
    readonly spec: TypeSpec | null,
  ) {
    this.typeSection = spec?.section ?? '11.2';
  }
  /** Section of the type under validation: the default citation for its table-driven rules. */
  readonly typeSection: string;

  report(code: RuleCode, path: string, message: string, spec?: string): void {
    this.problems.push(makeProblem(code, this.objectId, path, message, spec));
  }
}

/**
 * A short rendering of a value for messages (about 60 characters at most). Bounded work whatever the input:
 * long strings are cut before quoting and containers show only their first few members, never serialised whole.
 */
export function show(value: unknown): string {
  const text = render(value, 2);
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

function render(value: unknown, depth: number): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 60) : value);
  if (value === null || typeof value !== 'object') return String(value);
  if (depth === 0) return Array.isArray(value) ? '[...]' : '{...}';
  if (Array.isArray(value)) {
    const items = value.slice(0, 3).map((v) => render(v, depth - 1));
    return `[${items.join(',')}${value.length > 3 ? ',...' : ''}]`;
  }
  const keys: string[] = [];
  for (const k in value) {
    if (keys.length === 3) {
      keys.push('...');
      break;
    }
    keys.push(`${JSON.stringify(k.slice(0, 40))}:${render((value as Record<string, unknown>)[k], depth - 1)}`);
  }
  return `{${keys.join(',')}}`;
}

/** JSON type name of a value, for "expected X, got Y" messages. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Appends a property to a JSON path, using bracket notation when the name is not a plain identifier. */
export function childPath(path: string, key: string): string {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const plain = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (i > 0 && c >= 48 && c <= 57);
    if (!plain) return `${path}[${JSON.stringify(key)}]`;
  }
  return key.length === 0 ? `${path}[""]` : `${path}.${key}`;
}

/** The path of a value: `path`, or its `idx`-th item when `idx` is not negative (built only when reporting). */
export function at(path: string, idx: number): string {
  return idx < 0 ? path : `${path}[${idx}]`;
}
