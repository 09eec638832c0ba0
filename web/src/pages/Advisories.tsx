// Advisories: compose from a report (or the object the analyst came from), preview, download in each format, publish.
import { useEffect, useState } from 'react';
import type { AdvisoryPreview, ReportListing, TlpLevel } from '../api-types.ts';
import { ApiError, getJson, postForText, postJson } from '../api.ts';
import { ErrorBox, Loading, Show } from '../components/Status.tsx';
import { formatDate, ObjectLink } from '../components/ObjectLink.tsx';
import { TlpBadge, TlpBanner } from '../components/Tlp.tsx';
import { Link, navigate, objectPath } from '../router.tsx';
import { useApi } from '../use-api.ts';

const FORMATS = [
  { format: 'html', label: 'HTML (print to PDF)' },
  { format: 'md', label: 'Markdown' },
  { format: 'stix', label: 'STIX bundle' },
  { format: 'csv', label: 'CSV of indicators' },
] as const;
const LEVELS: (TlpLevel | '')[] = ['', 'clear', 'green', 'amber', 'amber+strict', 'red'];

export function Advisories({ report, objects }: { report: string | null; objects: string | null }) {
  const reports = useApi(() => getJson<{ reports: ReportListing[] }>('/api/advisories/reports'), []);
  const [tlp, setTlp] = useState<TlpLevel | ''>('green');
  const [title, setTitle] = useState('');
  const source = report ? { report } : objects ? { objects: objects.split(',') } : null;
  return (
    <div className="advisories">
      <h1>Write an advisory</h1>
      <p className="lede">Pick a report (or start from an actor's page). Tocsin gathers the actors, techniques, software, indicators (de-fanged), detection notes, mitigations and disputes, at the TLP you choose: anything more restrictive is left out and counted.</p>
      <form className="advisory-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="report-pick">Report</label>
        <Show loaded={reports} what="reports">
          {(data) => (
            <select id="report-pick" value={report ?? ''} onChange={(e) => navigate(e.target.value ? `/advisories?report=${encodeURIComponent(e.target.value)}` : '/advisories', { replace: true })}>
              <option value="">{objects ? 'the object you came from' : 'choose a report…'}</option>
              {data.reports.map((r) => <option key={r.id} value={r.id}>{r.name} ({formatDate(r.published)}, {r.tlp ? `TLP:${r.tlp.toUpperCase()}` : 'unmarked'})</option>)}
            </select>
          )}
        </Show>
        <label htmlFor="tlp-pick">Share at</label>
        <select id="tlp-pick" value={tlp} onChange={(e) => setTlp(e.target.value as TlpLevel | '')}>
          {LEVELS.map((l) => <option key={l} value={l}>{l === '' ? 'the most restrictive level it includes' : `TLP:${l.toUpperCase()}`}</option>)}
        </select>
        <label htmlFor="title">Title (optional)</label>
        <input id="title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="the report's name" />
      </form>
      {source ? <Composed source={source} tlp={tlp} title={title} /> : <p className="status">Choose a report to see the advisory.</p>}
    </div>
  );
}

function Composed({ source, tlp, title }: { source: { report: string } | { objects: string[] }; tlp: TlpLevel | ''; title: string }) {
  const body = { ...source, ...(tlp ? { tlp } : {}), ...(title.trim() ? { title: title.trim() } : {}) };
  const key = JSON.stringify(body);
  const preview = useApi(() => postJson<AdvisoryPreview>('/api/advisories/render', body), [key]);
  const [html, setHtml] = useState<string | null>(null);
  const [htmlError, setHtmlError] = useState<Error | null>(null);
  const [download, setDownload] = useState<string | null>(null);
  const [published, setPublished] = useState<{ state: 'idle' } | { state: 'busy' } | { state: 'done'; report: string } | { state: 'error'; message: string }>({ state: 'idle' });

  useEffect(() => {
    let live = true;
    setHtml(null);
    setHtmlError(null);
    setPublished({ state: 'idle' });
    postForText('/api/advisories/render', { ...body, format: 'html' }).then(
      (doc) => { if (live) setHtml(doc.text); },
      (err: unknown) => { if (live) setHtmlError(err instanceof Error ? err : new Error(String(err))); },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const save = async (format: string): Promise<void> => {
    setDownload(format);
    try {
      const doc = await postForText('/api/advisories/render', { ...body, format });
      const url = URL.createObjectURL(new Blob([doc.text], { type: doc.type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = doc.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setHtmlError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setDownload(null);
    }
  };
  const openForPrint = (): void => {
    if (!html) return;
    window.open(URL.createObjectURL(new Blob([html], { type: 'text/html' })), '_blank', 'noopener');
  };
  const publish = async (): Promise<void> => {
    setPublished({ state: 'busy' });
    try {
      const result = await postJson<{ report: string }>('/api/advisories/publish', body);
      setPublished({ state: 'done', report: result.report });
    } catch (err) {
      setPublished({ state: 'error', message: err instanceof ApiError ? err.message : String(err) });
    }
  };

  return (
    <Show loaded={preview} what="the advisory">
      {(a) => (
        <section className="advisory-result" aria-labelledby="advisory-title">
          <TlpBanner level={a.tlp} />
          <h2 id="advisory-title">{a.title}</h2>
          <ul className="stats">
            <li><strong>{a.actors.length}</strong> actors</li>
            <li><strong>{a.techniques.length}</strong> techniques</li>
            <li><strong>{a.software.length}</strong> malware and tools</li>
            <li><strong>{a.indicatorCount}</strong> indicators</li>
            <li><strong>{a.mitigations.length}</strong> mitigations</li>
            <li><strong>{a.attributions.length}</strong> attributions</li>
          </ul>
          {a.withheld.length > 0 ? <p className="notice">{a.withheld.length} objects more restrictive than <TlpBadge level={a.tlp} /> are left out.</p> : null}
          {a.actors.length > 0 ? <p>Actors: {a.actors.map((x) => <span key={x.id}><Link to={objectPath(x.id)}>{x.name}</Link>{x.attackId ? ` (${x.attackId})` : ''} </span>)}</p> : null}
          <div className="actions" role="group" aria-label="Download">
            {FORMATS.map((f) => (
              <button key={f.format} type="button" onClick={() => void save(f.format)} disabled={download !== null}>{download === f.format ? 'Preparing…' : `Download ${f.label}`}</button>
            ))}
            <button type="button" onClick={openForPrint} disabled={!html}>Open to print</button>
          </div>
          <div className="publish">
            <button type="button" className="primary" onClick={() => void publish()} disabled={published.state === 'busy' || published.state === 'done'}>
              {published.state === 'busy' ? 'Publishing…' : `Publish to partners as ${a.tlp ? `TLP:${a.tlp.toUpperCase()}` : ''}`}
            </button>
            {published.state === 'done' ? <p role="status">Published as a report that partners receive over TAXII: <ObjectLink object={{ id: published.report, type: 'report', name: a.title, tlp: a.tlp, revoked: false, externalId: null, modified: null, dateAdded: '' }} showType={false} /></p> : null}
            {published.state === 'error' ? <p className="form-error" role="alert">{published.message}</p> : null}
          </div>
          <h3>Preview</h3>
          {htmlError ? <ErrorBox error={htmlError} what="the advisory document" /> : html === null ? <Loading what="the document" /> : (
            <iframe className="advisory-frame" title="Advisory preview" sandbox="" srcDoc={html} />
          )}
        </section>
      )}
    </Show>
  );
}
