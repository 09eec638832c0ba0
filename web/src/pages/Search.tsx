// Search results with type facets: names, aliases, descriptions, indicator patterns and external ids.
import type { SearchResult } from '../api-types.ts';
import { getJson } from '../api.ts';
import { Show } from '../components/Status.tsx';
import { ObjectLink, TypeTag } from '../components/ObjectLink.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { readable } from '../readable.ts';

export function Search({ query, type }: { query: string; type: string | null }) {
  const loaded = useApi(
    () => getJson<SearchResult>(`/api/search?q=${encodeURIComponent(query)}${type ? `&type=${encodeURIComponent(type)}` : ''}&limit=100`),
    [query, type],
  );
  const base = `/search?q=${encodeURIComponent(query)}`;
  if (query.trim() === '') return <p className="status">Type a name, an alias, an indicator value or an ATT&amp;CK id (G0032) in the search box.</p>;
  return (
    <div className="search">
      <h1>Results for “{query}”</h1>
      <Show loaded={loaded} what="search results">
        {(result) => (
          <div className="with-facets">
            <nav className="facets" aria-label="Filter by type">
              <h2>Types</h2>
              <ul className="plain">
                <li><Link to={base} aria-current={type === null ? 'true' : undefined}>All <span className="count">{result.total}</span></Link></li>
                {result.facets.map((f) => (
                  <li key={f.type}><Link to={`${base}&type=${encodeURIComponent(f.type)}`} aria-current={type === f.type ? 'true' : undefined}><TypeTag type={f.type} /> <span className="count">{f.count}</span></Link></li>
                ))}
              </ul>
            </nav>
            <section aria-live="polite" className="hits">
              <p className="muted">{result.hits.length === 0 ? 'Nothing matches: try fewer words or another spelling.' : `${result.total} matches${result.hits.length < (type ? result.facets.find((f) => f.type === type)?.count ?? 0 : result.total) ? `, the best ${result.hits.length} shown` : ''} · ${result.tookMs} ms`}</p>
              <ol className="hit-list">
                {result.hits.map((hit) => (
                  <li key={hit.id}>
                    <ObjectLink object={hit} />
                    {hit.aliases.length > 0 ? <div className="aliases">also known as {hit.aliases.filter((a) => a !== hit.name).join(', ')}</div> : null}
                    {hit.pattern ? <code className="pattern">{hit.pattern}</code> : null}
                    {hit.description ? <p className="snippet">{readable(hit.description)}</p> : null}
                  </li>
                ))}
              </ol>
            </section>
          </div>
        )}
      </Show>
    </div>
  );
}
