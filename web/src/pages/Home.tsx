// Home: what is new since the last visit, the most active threat actors, and what the knowledge base holds.
import { useState } from 'react';
import type { Home as HomeData, ObjectSummary } from '../api-types.ts';
import { getJson } from '../api.ts';
import { Show } from '../components/Status.tsx';
import { formatDate, ObjectLink } from '../components/ObjectLink.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';

const VISIT_KEY = 'tocsin.lastVisit';
const SINCE_KEY = 'tocsin.since';

/**
 * When the previous visit began: fixed for this tab's session, so coming back to the overview keeps counting from
 * the last visit rather than from a minute ago. The session's start becomes the next visit's "since".
 */
function visitSince(): string | null {
  const fixed = sessionStorage.getItem(SINCE_KEY);
  if (fixed !== null) return fixed === '' ? null : fixed;
  const previous = localStorage.getItem(VISIT_KEY);
  sessionStorage.setItem(SINCE_KEY, previous ?? '');
  localStorage.setItem(VISIT_KEY, new Date().toISOString());
  return previous;
}

export function Home() {
  const [since] = useState(visitSince);
  const loaded = useApi(() => getJson<HomeData>(`/api/home${since ? `?since=${encodeURIComponent(since)}` : ''}`), [since]);
  return (
    <Show loaded={loaded} what="the overview">
      {(home) => (
        <div className="home">
          <h1>Overview</h1>
          <p className="lede">
            {since ? <>Since your last visit ({formatDate(since)}): <strong>{home.newSince.report}</strong> new reports, <strong>{home.newSince.indicator}</strong> new indicators, <strong>{home.newSince.sighting}</strong> sightings on our network.</>
              : <>Welcome. The knowledge base holds <strong>{home.total.toLocaleString()}</strong> objects you may see.</>}
          </p>
          <div className="grid">
            <section className="card" aria-labelledby="actors-h">
              <h2 id="actors-h">Most active threat actors</h2>
              <ol className="actors">
                {home.actors.map((a) => (
                  <li key={a.id}>
                    <ObjectLink object={a} showType={false} />
                    <span className="muted"> {a.activity} relationships</span>
                    {a.aliases.length > 0 ? <div className="aliases">also {a.aliases.slice(0, 4).join(', ')}</div> : null}
                  </li>
                ))}
              </ol>
            </section>
            <Recent title="New reports" items={home.recent.report} empty="No reports yet." />
            <Recent title="Sightings on our network" items={home.recent.sighting} empty="Nothing matched in our telemetry yet." more={{ to: '/sightings', label: 'All sightings' }} />
            <Recent title="New indicators" items={home.recent.indicator} empty="No indicators yet." />
            <section className="card" aria-labelledby="counts-h">
              <h2 id="counts-h">What the knowledge base holds</h2>
              <table className="counts">
                <tbody>
                  {home.counts.map((c) => (
                    <tr key={c.type}><th scope="row">{c.type}</th><td>{c.count.toLocaleString()}</td></tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </div>
      )}
    </Show>
  );
}

function Recent({ title, items, empty, more }: { title: string; items: ObjectSummary[]; empty: string; more?: { to: string; label: string } }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      {items.length === 0 ? <p className="muted">{empty}</p> : (
        <ul className="plain">
          {items.map((o) => <li key={o.id}><ObjectLink object={o} showType={false} /> <span className="muted">added {formatDate(o.dateAdded)}</span></li>)}
        </ul>
      )}
      {more ? <Link to={more.to}>{more.label} →</Link> : null}
    </section>
  );
}
