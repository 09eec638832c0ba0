// The ATT&CK matrix for one actor: tactics as columns, the techniques it uses highlighted, the rest on request.
import { useState } from 'react';
import type { Matrix } from '../api-types.ts';
import { getJson } from '../api.ts';
import { Show } from '../components/Status.tsx';
import { Link, objectPath } from '../router.tsx';
import { useApi } from '../use-api.ts';

export function MatrixSection({ id }: { id: string }) {
  const loaded = useApi(() => getJson<Matrix>(`/api/objects/${encodeURIComponent(id)}/matrix`), [id]);
  const [all, setAll] = useState(false);
  return (
    <Show loaded={loaded} what="the technique matrix">
      {(matrix) => matrix.used === 0 ? <p className="muted">No techniques recorded for it.</p> : (
        <div className="matrix-wrap">
          <p>
            Uses <strong>{matrix.used}</strong> techniques across {matrix.columns.filter((c) => c.techniques.some((t) => t.used)).length} tactics.{' '}
            <button type="button" className="link-button" aria-pressed={all} onClick={() => setAll(!all)}>{all ? 'Show only the techniques it uses' : 'Show every technique'}</button>
          </p>
          <div className="matrix">
            <div className="matrix-columns">
              {matrix.columns.map((column) => {
                const shown = column.techniques.filter((t) => all || t.used);
                const used = column.techniques.filter((t) => t.used).length;
                return (
                  <section key={column.shortname} className={`matrix-column${used === 0 ? ' unused' : ''}`} aria-label={`${column.name}: ${used} used`}>
                    <h3 className="tactic" title={column.externalId ?? undefined}>{column.name}<span className="count">{used}</span></h3>
                    <ul>
                      {shown.length === 0 ? <li className="technique none">none used</li> : shown.map((t) => (
                        <li key={t.id} className={`technique${t.used ? ' used' : ''}${t.subtechnique ? ' sub' : ''}`}>
                          <Link to={objectPath(t.id)} title={t.used ? 'used by this actor' : 'not recorded as used'}>
                            <span className="external-id">{t.externalId}</span> {t.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })}
            </div>
          </div>
          {matrix.unplaced.length > 0 ? <p className="muted">Also uses, without a tactic: {matrix.unplaced.map((t) => t.name).join(', ')}</p> : null}
        </div>
      )}
    </Show>
  );
}
