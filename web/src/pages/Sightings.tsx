// Sightings: what matched in our telemetry, when, how often, with the indicator and the actor behind it.
import type { Sightings as SightingsData } from '../api-types.ts';
import { getJson } from '../api.ts';
import { Show } from '../components/Status.tsx';
import { formatDate, ObjectLink } from '../components/ObjectLink.tsx';
import { useApi } from '../use-api.ts';

export function Sightings() {
  const loaded = useApi(() => getJson<SightingsData>('/api/sightings'), []);
  return (
    <div>
      <h1>Sightings on our network</h1>
      <Show loaded={loaded} what="sightings">
        {(data) => data.sightings.length === 0 ? (
          <p className="status">Nothing has matched yet. Sightings appear here when <code>npx tocsin detect</code> finds an indicator in our telemetry.</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption>{data.total} {data.total === 1 ? 'sighting' : 'sightings'}{data.total > data.sightings.length ? `, the latest ${data.sightings.length} shown` : ''}</caption>
              <thead><tr><th scope="col">Last seen</th><th scope="col">First seen</th><th scope="col">Times</th><th scope="col">Indicator</th><th scope="col">Points to</th><th scope="col">Sighting</th></tr></thead>
              <tbody>
                {data.sightings.map((s) => (
                  <tr key={s.sighting.id}>
                    <td>{formatDate(s.lastSeen)}</td>
                    <td>{formatDate(s.firstSeen)}</td>
                    <td className="num">{s.count}</td>
                    <td>{s.indicator ? <ObjectLink object={s.indicator} showType={false} /> : '—'}</td>
                    <td>{s.actors.length === 0 ? '—' : s.actors.map((a) => <div key={a.id}><ObjectLink object={a} showType={false} /></div>)}</td>
                    <td><ObjectLink object={s.sighting} showType={false} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Show>
    </div>
  );
}
