// renderMarkdown: the advisory as GitHub-flavoured Markdown, every value escaped so no text can become markup.
import type { Advisory, Attribution } from './advisory.ts';
import { safeUrl } from './safe-url.ts';
import { appliesTo, day, observableTypes, shownValue } from './shown-values.ts';
import { tlpLabel } from './tlp-label.ts';

export function renderMarkdown(advisory: Advisory): string {
  const tlp = tlpLabel(advisory.tlp);
  const banner = `**${tlp.label}** — ${text(tlp.rule)}`;
  const out: string[] = [banner, '', `# ${text(advisory.title)}`, ''];

  out.push(...table(['', ''], [
    ['TLP', tlp.label],
    ...(advisory.producer ? [['Source', text(advisory.producer)]] : []),
    ...(advisory.published ? [['Published', text(day(advisory.published))]] : []),
    ...(advisory.confidence !== null ? [['Confidence', `${advisory.confidence}/100`]] : []),
    ['Based on', advisory.source.kind === 'report' ? code(advisory.source.id) : `${advisory.source.ids.length} selected objects`],
  ]), '');

  if (advisory.summary) out.push('## Summary', '', paragraphs(advisory.summary), '');

  if (advisory.sectors.length + advisory.countries.length + advisory.targets.length > 0) {
    out.push('## Affected sectors and countries', '');
    if (advisory.sectors.length > 0) out.push(`**Sectors:** ${advisory.sectors.map(text).join(', ')}`, '');
    if (advisory.countries.length > 0) {
      out.push(`**Countries and regions:** ${advisory.countries.map((c) => text(c.country && c.country !== c.name ? `${c.name} (${c.country})` : c.name)).join(', ')}`, '');
    }
    if (advisory.targets.length > 0) {
      out.push(...table(['Target', 'Kind', 'Targeted by'],
        advisory.targets.map((t) => [text(t.name), text(t.type), text(t.targetedBy.join(', '))])), '');
    }
  }

  if (advisory.actors.length > 0) {
    out.push('## Threat actors', '');
    for (const actor of advisory.actors) {
      out.push(`### ${text(actor.name)}${actor.attackId ? ` (${text(actor.attackId)})` : ''}`, '');
      if (actor.aliases.length > 0) out.push(`**Also known as:** ${actor.aliases.map(text).join(', ')}`, '');
      if (actor.motivation) out.push(`**Motivation:** ${text(actor.motivation)}`, '');
      if (actor.description) out.push(paragraphs(actor.description), '');
    }
  }

  if (advisory.campaigns.length > 0) {
    out.push('## Campaigns', '');
    for (const c of advisory.campaigns) {
      const seen = [c.firstSeen && `first seen ${day(c.firstSeen)}`, c.lastSeen && `last seen ${day(c.lastSeen)}`].filter(Boolean).join(', ');
      out.push(`### ${text(c.name)}`, '');
      if (seen) out.push(`*${text(seen)}*`, '');
      if (c.objective) out.push(`**Objective:** ${text(c.objective)}`, '');
      if (c.description) out.push(paragraphs(c.description), '');
    }
  }

  if (advisory.attributions.length > 0) {
    out.push('## Attribution', '');
    for (const a of advisory.attributions) out.push(...attribution(a));
  }

  if (advisory.techniques.length > 0) {
    out.push('## Techniques (MITRE ATT&CK)', '');
    out.push(...table(['ID', 'Technique', 'Tactics', 'Used by'], advisory.techniques.map((t) => [
      t.attackId ? link(t.attackId, t.url) : '', text(t.name), text(t.tactics.join(', ')), text(t.usedBy.join(', ')),
    ])), '');
  }

  if (advisory.software.length > 0) {
    out.push('## Malware and tools', '');
    out.push(...table(['Name', 'Kind', 'ATT&CK', 'Also known as', 'Used by'], advisory.software.map((s) => [
      text(s.name), s.kind, s.attackId ? link(s.attackId, s.url) : '', text(s.aliases.join(', ')), text(s.usedBy.join(', ')),
    ])), '');
  }

  if (advisory.indicators.length > 0) {
    out.push('## Indicators', '', 'Values are de-fanged; each STIX pattern is given exactly.', '');
    out.push(...table(['Indicator', 'Type', 'Indicates', 'Valid from', 'Pattern'], advisory.indicators.map((i) => [
      text(shownValue(i)), text(observableTypes(i)), text(i.indicates.join(', ')), i.validFrom ? day(i.validFrom) : '', code(i.pattern),
    ])), '');
  }

  if (advisory.detection.length > 0) {
    out.push('## Detection guidance', '');
    for (const note of advisory.detection) out.push(`- ${text(note.text)} *(${text(appliesTo(note))})*`);
    out.push('');
  }

  if (advisory.mitigations.length > 0) {
    out.push('## Mitigations', '');
    for (const m of advisory.mitigations) {
      out.push(`### ${text(m.name)}${m.attackId ? ` (${text(m.attackId)})` : ''}`, '');
      if (m.mitigates.length > 0) out.push(`**Mitigates:** ${m.mitigates.map(text).join(', ')}`, '');
      if (m.description) out.push(paragraphs(m.description), '');
    }
  }

  if (advisory.references.length > 0) {
    out.push('## References', '');
    for (const r of advisory.references) {
      const label = [r.sourceName, r.externalId].filter(Boolean).join(' ');
      out.push(`- ${r.url ? link(label || r.url, r.url) : text(label)}${r.description ? ` — ${text(r.description)}` : ''}`);
    }
    out.push('');
  }

  if (advisory.withheld.length > 0) {
    out.push('## Withheld', '', `${advisory.withheld.length} objects more restrictive than ${tlp.label} are left out of this advisory.`, '');
  }

  out.push(banner, '');
  return out.join('\n');
}

function attribution(a: Attribution): string[] {
  const out = [`### ${text(a.subject)} → ${text(a.actor)}${a.disputed ? ' — disputed' : ''}`, ''];
  const confidence = a.confidence !== null ? `, confidence ${a.confidence}/100` : '';
  out.push(`Claimed by **${text(a.claimedBy)}**${confidence}.${a.description ? ` ${text(a.description)}` : ''}`, '');
  for (const s of a.sources) {
    out.push(`- Source: ${s.url ? link(s.sourceName || s.url, s.url) : text(s.sourceName)}${s.description ? ` — ${text(s.description)}` : ''}`);
  }
  if (a.sources.length > 0) out.push('');
  if (a.opinions.length === 0) {
    out.push('No opinions recorded on this claim.', '');
  } else {
    out.push(...table(['Opinion', 'By', 'Explanation', 'Date'], a.opinions.map((o) => [
      `${text(o.opinion)} (${o.stance})`, text(o.by), text(o.explanation), o.created ? day(o.created) : '',
    ])), '');
  }
  return out;
}

// CommonMark lets any ASCII punctuation be backslash-escaped; these can make markup anywhere in a line.
const MARKUP = /[\\`*_[\]<>|~]/g;
// …and these only where a line starts (headings, lists, quotes, setext underlines).
const LINE_START = /^(\s*)(\d*)([#>+=.)-])/;

/** Plain text on one line: every markup character escaped. */
function text(value: string): string {
  return value.replace(/\s*\r?\n\s*/g, ' ').replace(MARKUP, (ch) => `\\${ch}`).replace(/&(?=#?\w+;)/g, '\\&');
}

/** Prose keeping its paragraph breaks. */
function paragraphs(value: string): string {
  return value.split(/\n\s*\n/).map((p) => text(p.trim()).replace(LINE_START, lineStart)).filter(Boolean).join('\n\n');
}

function lineStart(whole: string, space: string, digits: string, mark: string): string {
  // `1.` and `1)` start ordered lists, but a lone `.` or `)` starts nothing.
  return (digits === '' && (mark === '.' || mark === ')')) || (digits !== '' && mark !== '.' && mark !== ')') ? whole : `${space}${digits}\\${mark}`;
}

/** A code span that survives any backticks inside, and pipes inside a table cell (GFM). */
function code(value: string): string {
  const runs = value.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const body = value.replace(/\s*\r?\n\s*/g, ' ').replace(/\|/g, '\\|');
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

function link(label: string, url: string | null): string {
  const safe = safeUrl(url);
  if (!safe) return text(url && label !== url ? `${label} ${url}` : label);
  // Percent-encoding leaves no space, pipe, bracket or parenthesis to end the link or the table cell early.
  return `[${text(label)}](${encodeURI(decodeSafe(safe)).replace(/[()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

function decodeSafe(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}
