// renderHtml: the advisory as one self-contained, print-ready HTML page (no scripts, no external resources).
import type { Advisory, Attribution } from './advisory.ts';
import { safeUrl } from './safe-url.ts';
import { appliesTo, day, observableTypes, shownValue } from './shown-values.ts';
import { tlpLabel } from './tlp-label.ts';

/** Text and attribute values: nothing in the data can open a tag, end an attribute or start an entity. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const e = escapeHtml;

export function renderHtml(advisory: Advisory): string {
  const tlp = tlpLabel(advisory.tlp);
  const banner = `<div class="tlp" style="color:${tlp.colour}"><strong>${e(tlp.label)}</strong> <span>${e(tlp.rule)}</span></div>`;
  const body = [
    header(advisory),
    advisory.summary && section('Summary', paragraphs(advisory.summary)),
    affected(advisory),
    advisory.actors.length > 0 && section('Threat actors', advisory.actors.map((a) => `
      <article><h3>${e(a.name)}${a.attackId ? ` <small>${link(a.attackId, a.url)}</small>` : ''}</h3>
      ${a.aliases.length > 0 ? `<p><b>Also known as:</b> ${e(a.aliases.join(', '))}</p>` : ''}
      ${a.motivation ? `<p><b>Motivation:</b> ${e(a.motivation)}</p>` : ''}
      ${paragraphs(a.description)}</article>`).join('')),
    advisory.campaigns.length > 0 && section('Campaigns', advisory.campaigns.map((c) => `
      <article><h3>${e(c.name)}</h3>
      ${c.firstSeen || c.lastSeen ? `<p class="muted">${[c.firstSeen && `First seen ${day(c.firstSeen)}`, c.lastSeen && `last seen ${day(c.lastSeen)}`].filter(Boolean).map((s) => e(s as string)).join(', ')}</p>` : ''}
      ${c.objective ? `<p><b>Objective:</b> ${e(c.objective)}</p>` : ''}
      ${paragraphs(c.description)}</article>`).join('')),
    advisory.attributions.length > 0 && section('Attribution', advisory.attributions.map(attribution).join('')),
    advisory.techniques.length > 0 && section('Techniques (MITRE ATT&CK)', table(['ID', 'Technique', 'Tactics', 'Used by'],
      advisory.techniques.map((t) => [t.attackId ? link(t.attackId, t.url) : '', e(t.name), e(t.tactics.join(', ')), e(t.usedBy.join(', '))]))),
    advisory.software.length > 0 && section('Malware and tools', table(['Name', 'Kind', 'ATT&CK', 'Also known as', 'Used by'],
      advisory.software.map((s) => [e(s.name), e(s.kind), s.attackId ? link(s.attackId, s.url) : '', e(s.aliases.join(', ')), e(s.usedBy.join(', '))]))),
    advisory.indicators.length > 0 && section(`Indicators (${advisory.indicators.length})`,
      `<p class="muted">Values are de-fanged; each STIX pattern is given exactly.</p>${table(['Indicator', 'Type', 'Indicates', 'Valid from', 'Pattern'],
        advisory.indicators.map((i) => [`<span class="ioc">${e(shownValue(i))}</span>`, e(observableTypes(i)), e(i.indicates.join(', ')),
          i.validFrom ? e(day(i.validFrom)) : '', `<code>${e(i.pattern)}</code>`]), 'indicators')}`),
    advisory.detection.length > 0 && section('Detection guidance', `<ul>${advisory.detection.map((d) =>
      `<li>${e(d.text)} <span class="muted">(${e(appliesTo(d))})</span></li>`).join('')}</ul>`),
    advisory.mitigations.length > 0 && section('Mitigations', advisory.mitigations.map((m) => `
      <article><h3>${e(m.name)}${m.attackId ? ` <small>${e(m.attackId)}</small>` : ''}</h3>
      ${m.mitigates.length > 0 ? `<p><b>Mitigates:</b> ${e(m.mitigates.join(', '))}</p>` : ''}
      ${paragraphs(m.description)}</article>`).join('')),
    advisory.references.length > 0 && section('References', `<ol class="refs">${advisory.references.map((r) => {
      const label = [r.sourceName, r.externalId].filter(Boolean).join(' ') || r.url || '';
      return `<li>${link(label, r.url)}${r.description ? ` — ${e(r.description)}` : ''}</li>`;
    }).join('')}</ol>`),
    advisory.withheld.length > 0 && section('Withheld',
      `<p>${advisory.withheld.length} objects more restrictive than ${e(tlp.label)} are left out of this advisory.</p>`),
  ].filter((part): part is string => typeof part === 'string' && part !== '').join('\n');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(`${tlp.label} ${advisory.title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<table class="page" role="presentation">
<thead><tr><td>${banner}</td></tr></thead>
<tfoot><tr><td>${banner}</td></tr></tfoot>
<tbody><tr><td><main>
${body}
</main></td></tr></tbody>
</table>
</body>
</html>
`;
}

function header(a: Advisory): string {
  const facts: [string, string][] = [
    ['TLP', e(tlpLabel(a.tlp).label)],
    ...(a.producer ? [['Source', e(a.producer)] as [string, string]] : []),
    ...(a.published ? [['Published', e(day(a.published))] as [string, string]] : []),
    ...(a.confidence !== null ? [['Confidence', `${a.confidence}/100`] as [string, string]] : []),
    ['Based on', a.source.kind === 'report' ? `<code>${e(a.source.id)}</code>` : `${a.source.ids.length} selected objects`],
  ];
  return `<header><p class="kicker">Threat advisory</p><h1>${e(a.title)}</h1>
<dl class="facts">${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl></header>`;
}

function affected(a: Advisory): string | false {
  if (a.sectors.length + a.countries.length + a.targets.length === 0) return false;
  const parts = [
    a.sectors.length > 0 && `<p><b>Sectors:</b> ${e(a.sectors.join(', '))}</p>`,
    a.countries.length > 0 && `<p><b>Countries and regions:</b> ${e(a.countries.map((c) => (c.country && c.country !== c.name ? `${c.name} (${c.country})` : c.name)).join(', '))}</p>`,
    a.targets.length > 0 && table(['Target', 'Kind', 'Targeted by'], a.targets.map((t) => [e(t.name), e(t.type), e(t.targetedBy.join(', '))])),
  ];
  return section('Affected sectors and countries', parts.filter(Boolean).join(''));
}

function attribution(a: Attribution): string {
  const claim = `<div class="claim"><h4>Claim</h4><p><b>${e(a.claimedBy)}</b> attributes <b>${e(a.subject)}</b> to <b>${e(a.actor)}</b>${
    a.confidence !== null ? `, with confidence ${a.confidence}/100` : ''}.</p>${a.description ? `<p>${e(a.description)}</p>` : ''}${
    a.sources.length > 0 ? `<ul class="sources">${a.sources.map((s) => `<li>${link(s.sourceName || s.url || '', s.url)}${s.description ? ` — ${e(s.description)}` : ''}</li>`).join('')}</ul>` : ''}</div>`;
  const opinions = `<div class="opinions"><h4>Opinions</h4>${a.opinions.length === 0 ? '<p class="muted">No opinions recorded on this claim.</p>'
    : a.opinions.map((o) => `<div class="opinion ${o.stance}"><p><span class="stance">${e(o.opinion)}</span> <b>${e(o.by)}</b>${
      o.created ? ` <span class="muted">${e(day(o.created))}</span>` : ''}</p>${o.explanation ? `<p>${e(o.explanation)}</p>` : ''}</div>`).join('')}</div>`;
  return `<article class="attribution"><h3>${e(a.subject)} → ${e(a.actor)}${a.disputed ? ' <span class="disputed">Disputed</span>' : ''}</h3>
<div class="sides">${claim}${opinions}</div></article>`;
}

function section(title: string, content: string): string {
  return `<section><h2>${e(title)}</h2>${content}</section>`;
}

function paragraphs(text: string): string {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${e(p)}</p>`).join('');
}

function table(head: string[], rows: string[][], className = ''): string {
  // On a narrow screen a wide table scrolls on its own instead of widening the whole page.
  return `<div class="wide"><table${className ? ` class="${className}"` : ''}><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${
    rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
}

function link(label: string, url: string | null): string {
  const safe = safeUrl(url);
  if (!safe) return e(url && url !== label ? `${label} ${url}` : label);
  return `<a href="${e(safe)}" rel="noreferrer">${e(label)}</a>`;
}

// Print: the outer table's header and footer groups repeat the TLP banner on every page; rows do not split.
const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1a1a1a; background: #fff; }
table.page { width: 100%; border-collapse: collapse; table-layout: fixed; }
.wide { overflow-x: auto; }
h1, h2, h3, p, li, dd { overflow-wrap: anywhere; }
table.page > thead > tr > td, table.page > tfoot > tr > td, table.page > tbody > tr > td { padding: 0; border: 0; }
.tlp { background: #000; padding: 6px 16px; font-size: 13px; letter-spacing: .02em; }
.tlp strong { font-size: 15px; margin-right: .6em; }
.tlp span { color: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 12px 24px 24px; }
header { border-bottom: 3px solid #1a1a1a; margin-bottom: 8px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: #555; margin: 12px 0 0; }
h1 { font-size: 26px; line-height: 1.25; margin: 4px 0 12px; }
h2 { font-size: 19px; border-bottom: 1px solid #ccc; padding-bottom: 2px; margin: 24px 0 8px; break-after: avoid; }
h3 { font-size: 16px; margin: 14px 0 4px; break-after: avoid; }
h4 { font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: #555; margin: 0 0 4px; }
h3 small { font-weight: normal; color: #555; }
p { margin: 4px 0 8px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; font-size: 14px; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.muted { color: #555; font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 12px; }
th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
tr { break-inside: avoid; }
table.page > tbody > tr { break-inside: auto; }
table.indicators td:first-child { min-width: 12em; }
table.indicators td:nth-child(4) { white-space: nowrap; }
table.indicators td:nth-child(5) { min-width: 18em; }
code { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; word-break: break-all; }
.ioc { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
a { color: #0b57d0; }
.refs { font-size: 13px; padding-left: 24px; }
.refs li, .sources li { word-break: break-word; }
.attribution { border: 1px solid #ccc; border-radius: 4px; padding: 4px 12px 8px; margin: 10px 0; break-inside: avoid; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.disputed { background: #b3261e; color: #fff; font-size: 12px; padding: 1px 6px; border-radius: 3px; vertical-align: middle; }
.opinion { border-left: 4px solid #999; padding: 2px 8px; margin: 4px 0; }
.opinion.disagrees { border-color: #b3261e; }
.opinion.agrees { border-color: #1e7b34; }
.stance { font-weight: 600; text-transform: uppercase; font-size: 12px; }
.sources { font-size: 13px; padding-left: 18px; }
@media (max-width: 700px) { .sides { grid-template-columns: 1fr; } main { padding: 8px 12px; } }
@media print {
  @page { margin: 12mm 10mm; }
  body { font-size: 11pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0 2mm; }
  a { color: inherit; text-decoration: none; }
  .tlp { padding: 3px 8px; }
  .wide { overflow: visible; }
  .refs a::after, .sources a::after { content: " " attr(href); word-break: break-all; }
}
`;
