// An object's versions, newest first, with what each changed from the one before.
import type { ObjectPage } from '../api-types.ts';
import { formatDate } from '../components/ObjectLink.tsx';
import { TlpBadge } from '../components/Tlp.tsx';
import { value } from './Properties.tsx';

export function Versions({ versions }: { versions: ObjectPage['versions'] }) {
  return (
    <ol className="versions">
      {versions.map((v, i) => (
        <li key={`${v.modified}${i}`}>
          <p><strong>{v.modified ?? 'unversioned'}</strong> <TlpBadge level={v.tlp} /> <span className="muted">added to the hub {formatDate(v.dateAdded)}</span>{v.revoked ? <span className="revoked-tag">revoked</span> : null}</p>
          {i === versions.length - 1 ? <p className="muted">First version.</p> : v.changes.length === 0 ? <p className="muted">No property changed.</p> : (
            <table className="changes">
              <thead><tr><th scope="col">Property</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
              <tbody>
                {v.changes.map((c) => (
                  <tr key={c.property} className={`change-${c.kind}`}>
                    <th scope="row">{c.property} <span className="muted">({c.kind})</span></th>
                    <td>{c.kind === 'added' ? '—' : value(c.before, 2)}</td>
                    <td>{c.kind === 'removed' ? '—' : value(c.after, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ol>
  );
}
