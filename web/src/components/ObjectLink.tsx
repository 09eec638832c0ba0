// A link to an object's page, named and typed, with its TLP when it is restricted.
import type { ObjectSummary } from '../api-types.ts';
import { Link, objectPath } from '../router.tsx';
import { TlpBadge } from './Tlp.tsx';

export function TypeTag({ type }: { type: string }) {
  return <span className={`type type-${type}`}>{type}</span>;
}

export function ObjectLink({ object, showType = true }: { object: ObjectSummary; showType?: boolean }) {
  const label = object.name || object.id;
  return (
    <span className="object-link">
      {showType ? <TypeTag type={object.type} /> : null}
      <Link to={objectPath(object.id)} className={object.revoked ? 'revoked' : undefined}>{label}</Link>
      {object.externalId ? <span className="external-id">{object.externalId}</span> : null}
      {object.tlp && object.tlp !== 'clear' ? <TlpBadge level={object.tlp} /> : null}
      {object.revoked ? <span className="revoked-tag">revoked</span> : null}
    </span>
  );
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString().slice(0, 10);
}
