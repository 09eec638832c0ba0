// Contested attribution: each claim beside every opinion on it, so agreement and dispute read side by side.
import type { Attribution, Claim, Opinion } from '../api-types.ts';
import { getJson } from '../api.ts';
import { Show } from '../components/Status.tsx';
import { formatDate, ObjectLink } from '../components/ObjectLink.tsx';
import { useApi, type Loaded } from '../use-api.ts';
import { readable } from '../readable.ts';

/** The object's attribution claims; the page loads them once for its head and this section. */
export function useAttribution(id: string, wanted: boolean): Loaded<Attribution | null> {
  return useApi(() => (wanted ? getJson<Attribution>(`/api/attribution/${encodeURIComponent(id)}`) : Promise.resolve(null)), [id, wanted]);
}

export function AttributionSection({ loaded }: { loaded: Loaded<Attribution | null> }) {
  return (
    <Show loaded={loaded} what="the attribution">
      {(result) => result === null || result.claims.length === 0 ? <p className="muted">No attribution claims or reports name it.</p> : (
        <div className="attribution">
          {result.disputed ? <p className="disputed" role="note"><strong>Disputed.</strong> At least one source disagrees with an attribution below.</p> : null}
          {result.claims.map((claim) => <ClaimRow key={claim.claim.id} claim={claim} />)}
        </div>
      )}
    </Show>
  );
}

function ClaimRow({ claim }: { claim: Claim }) {
  return (
    <div className="claim-row">
      <div className="claim card">
        <h3>{claim.kind === 'report' ? 'Report naming it' : 'Attribution'}</h3>
        {claim.kind === 'attributed-to' ? (
          <p className="claim-line">{claim.attributed ? <ObjectLink object={claim.attributed} /> : '?'} <span className="arrow">attributed to</span> {claim.to ? <ObjectLink object={claim.to} /> : '?'}</p>
        ) : <p className="claim-line"><ObjectLink object={claim.claim} /></p>}
        <dl className="facts">
          <dt>Claimed by</dt><dd>{claim.by ? <ObjectLink object={claim.by} showType={false} /> : 'not stated'}</dd>
          <dt>Confidence</dt><dd>{claim.confidence === null ? 'not stated' : <><meter min={0} max={100} value={claim.confidence} aria-label="confidence" /> {claim.confidence} / 100</>}</dd>
          {claim.sources.length > 0 ? (
            <><dt>Sources</dt><dd><ul className="plain">{claim.sources.map((s, i) => (
              <li key={i}>{s.report ? <ObjectLink object={s.report} /> : s.url ? <a href={s.url} target="_blank" rel="noreferrer noopener">{s.name || s.url}</a> : s.name}</li>
            ))}</ul></dd></>
          ) : null}
        </dl>
        {readable(claim.description) ? <p className="muted">{readable(claim.description)}</p> : null}
        {claim.kind === 'attributed-to' ? <p className="small"><ObjectLink object={claim.claim} /></p> : null}
      </div>
      <div className="opinions">
        {claim.opinions.length === 0 ? <div className="card muted">No opinions on this claim.</div> : claim.opinions.map((o) => <OpinionCard key={o.opinion.id} opinion={o} />)}
      </div>
    </div>
  );
}

function OpinionCard({ opinion }: { opinion: Opinion }) {
  const tone = opinion.agrees === null ? 'neutral' : opinion.agrees ? 'agrees' : 'disagrees';
  return (
    <div className={`card opinion ${tone}`}>
      <h3>{opinion.agrees === null ? 'Neutral' : opinion.agrees ? 'Agrees' : 'Disagrees'} <span className="stance">{opinion.stance}</span></h3>
      <p>{opinion.explanation || 'No explanation given.'}</p>
      <p className="muted">
        {opinion.by ? <ObjectLink object={opinion.by} showType={false} /> : opinion.authors.join(', ') || 'unknown author'}
        {opinion.created ? `, ${formatDate(opinion.created)}` : ''}
      </p>
      <p className="small"><ObjectLink object={opinion.opinion} /></p>
    </div>
  );
}
