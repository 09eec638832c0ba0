// An object's page: TLP banner, what it is, and for actors their techniques, attribution and timeline; then every detail.
import { useEffect } from 'react';
import type { ObjectPage as PageData } from '../api-types.ts';
import { getJson } from '../api.ts';
import { Show } from '../components/Status.tsx';
import { TlpBanner } from '../components/Tlp.tsx';
import { formatDate, ObjectLink, TypeTag } from '../components/ObjectLink.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { readable } from '../readable.ts';
import { MatrixSection } from './MatrixSection.tsx';
import { AttributionSection, useAttribution } from './AttributionSection.tsx';
import { Relationships } from './Relationships.tsx';
import { Versions } from './Versions.tsx';
import { Properties } from './Properties.tsx';

const ACTOR_TYPES = new Set(['intrusion-set', 'threat-actor', 'campaign']);

export function ObjectPage({ id }: { id: string }) {
  const loaded = useApi(() => getJson<PageData>(`/api/objects/${encodeURIComponent(id)}`), [id]);
  return (
    <Show loaded={loaded} what="this object">
      {(page) => <ObjectView page={page} />}
    </Show>
  );
}

function ObjectView({ page }: { page: PageData }) {
  const { summary, object } = page;
  useEffect(() => { document.title = `${summary.name || summary.id} · Tocsin`; }, [summary]);
  const actor = ACTOR_TYPES.has(summary.type);
  const attribution = useAttribution(summary.id, actor);
  const disputed = attribution.state === 'ready' && attribution.data?.disputed === true;
  const aliases = Array.isArray(object.aliases) ? (object.aliases as string[]).filter((a) => a !== summary.name) : [];
  const description = typeof object.description === 'string' ? readable(object.description) : '';
  const advisory = summary.type === 'report' ? `/advisories?report=${encodeURIComponent(summary.id)}` : `/advisories?objects=${encodeURIComponent(summary.id)}`;
  const sections = [
    ...(actor ? [['techniques', 'Techniques'], ['attribution', 'Attribution'], ['timeline', 'Timeline']] : []),
    ...(page.sightings.length > 0 ? [['sightings', `Sightings (${page.sightings.length})`]] : []),
    ['relationships', 'Relationships'], ['properties', 'Properties'], ['versions', `Versions (${page.versions.length})`], ['provenance', 'Markings & provenance'],
  ];
  return (
    <article className="object-page">
      <TlpBanner level={summary.tlp} />
      <header className="object-head">
        <p className="kicker"><TypeTag type={summary.type} /> {summary.externalId ? <span className="external-id">{summary.externalId}</span> : null} {summary.revoked ? <span className="revoked-tag">revoked</span> : null}</p>
        <h1>{summary.name || summary.id}</h1>
        {aliases.length > 0 ? <p className="aliases">Also known as {aliases.join(', ')}</p> : null}
        {disputed ? <p className="disputed-chip"><a href="#attribution">Attribution disputed</a>: a source disagrees with a claim about it.</p> : null}
        {typeof object.pattern === 'string' ? <code className="pattern big">{object.pattern}</code> : null}
        {description ? <p className="description">{description}</p> : null}
        <div className="actions">
          <Link className="button" to={`/graph/${encodeURIComponent(summary.id)}`}>Open graph</Link>
          {actor || summary.type === 'report' ? <Link className="button" to={advisory}>Write an advisory</Link> : null}
        </div>
        <nav className="toc" aria-label="On this page">
          {sections.map(([anchor, label]) => <a key={anchor} href={`#${anchor}`}>{label}</a>)}
        </nav>
      </header>
      {actor ? (
        <>
          <section id="techniques" aria-labelledby="techniques-h"><h2 id="techniques-h">ATT&amp;CK techniques</h2><MatrixSection id={summary.id} /></section>
          <section id="attribution" aria-labelledby="attribution-h"><h2 id="attribution-h">Attribution: who says so, who disputes it</h2><AttributionSection loaded={attribution} /></section>
          <section id="timeline" aria-labelledby="timeline-h">
            <h2 id="timeline-h">Timeline of reports and sightings</h2>
            {page.timeline && page.timeline.length > 0 ? (
              <ol className="timeline">
                {page.timeline.map((e) => (
                  <li key={`${e.kind}${e.object.id}`}>
                    <time dateTime={e.date}>{formatDate(e.date)}</time>
                    <ObjectLink object={e.object} />
                    {e.kind === 'sighting' ? <span className="muted"> {e.count ?? 1}× {e.indicator ? <>of <ObjectLink object={e.indicator} showType={false} /></> : null}</span> : null}
                  </li>
                ))}
              </ol>
            ) : <p className="muted">No reports or sightings name it yet.</p>}
          </section>
        </>
      ) : null}
      {page.sightings.length > 0 ? (
        <section id="sightings" aria-labelledby="sightings-h">
          <h2 id="sightings-h">Sightings on our network</h2>
          <div className="table-wrap">
            <table className="data">
              <thead><tr><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col">Times</th><th scope="col">Sighting</th></tr></thead>
              <tbody>
                {page.sightings.map((s) => (
                  <tr key={s.sighting.id}><td>{formatDate(s.firstSeen)}</td><td>{formatDate(s.lastSeen)}</td><td className="num">{s.count}</td><td><ObjectLink object={s.sighting} showType={false} /></td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section id="relationships" aria-labelledby="relationships-h"><h2 id="relationships-h">Relationships</h2><Relationships groups={page.relationships} name={summary.name || summary.type} /></section>
      <section id="properties" aria-labelledby="properties-h"><h2 id="properties-h">Properties</h2><Properties object={object} /></section>
      <section id="versions" aria-labelledby="versions-h"><h2 id="versions-h">Versions</h2><Versions versions={page.versions} /></section>
      <section id="provenance" aria-labelledby="provenance-h">
        <h2 id="provenance-h">Markings and provenance</h2>
        <dl className="facts">
          <dt>Markings</dt>
          <dd>{page.markings.length === 0 ? 'none' : page.markings.map((m) => <span key={m.id} className="marking">{m.name}</span>)}</dd>
          <dt>Created by</dt>
          <dd>{page.provenance.createdBy ? <ObjectLink object={page.provenance.createdBy} /> : page.provenance.createdById ?? 'not stated'}</dd>
          <dt>Created / modified</dt>
          <dd>{formatDate(object.created as string)} / {formatDate(object.modified as string)}</dd>
          <dt>First in this hub</dt>
          <dd>{formatDate(page.provenance.firstAdded)}{page.provenance.suppliedByMyOrg ? ' (supplied by your organisation)' : ''}</dd>
          {typeof object.confidence === 'number' ? <><dt>Confidence</dt><dd>{object.confidence} / 100</dd></> : null}
        </dl>
        {page.provenance.references.length > 0 ? (
          <>
            <h3>Sources</h3>
            <ul className="plain references">
              {page.provenance.references.map((r, i) => (
                <li key={i}>
                  <strong>{r.source}</strong>{r.id ? ` ${r.id}` : ''}{r.description ? ` — ${r.description}` : ''}
                  {r.url ? <> · <a href={r.url} rel="noreferrer noopener" target="_blank">{r.url}</a></> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </article>
  );
}
