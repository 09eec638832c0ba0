// Every property of an object as stored, with references as links and lists and dictionaries readable.
import type { ReactNode } from 'react';
import { Link, objectPath } from '../router.tsx';

// Shown in the page's head or its own sections already.
const SHOWN_ELSEWHERE = new Set(['name', 'description', 'aliases', 'pattern', 'object_marking_refs', 'external_references', 'created_by_ref']);
const ID = /^[a-z0-9-]+--[0-9a-f-]{36}$/;

export function Properties({ object }: { object: Record<string, unknown> }) {
  const keys = Object.keys(object).filter((k) => !SHOWN_ELSEWHERE.has(k));
  return (
    <dl className="facts properties">
      {keys.map((key) => (
        <div key={key} className="fact">
          <dt>{key}</dt>
          <dd>{value(object[key], 0)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function value(v: unknown, depth: number): ReactNode {
  if (typeof v === 'string') return ID.test(v) ? <Link to={objectPath(v)}>{v}</Link> : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) {
    if (v.length > 50) return <>{v.slice(0, 50).map((x, i) => <div key={i}>{value(x, depth + 1)}</div>)}<div className="muted">… and {v.length - 50} more</div></>;
    return v.every((x) => typeof x === 'string' && !ID.test(x)) ? v.join(', ') : v.map((x, i) => <div key={i}>{value(x, depth + 1)}</div>);
  }
  if (depth > 2) return <code>{JSON.stringify(v)}</code>;
  return (
    <dl className="nested">
      {Object.entries(v as Record<string, unknown>).map(([k, x]) => <div key={k}><dt>{k}</dt><dd>{value(x, depth + 1)}</dd></div>)}
    </dl>
  );
}
