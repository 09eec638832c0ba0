// The human-readable end-of-run summary of `tocsin detect`.
import type { DetectSummary } from './detect-run.ts';
import type { WebhookStats } from './alert-sinks.ts';

const n = (x: number): string => Math.round(x).toLocaleString('en');

export function detectSummaryText(s: DetectSummary, webhook?: WebhookStats, maxLines = 20): string {
  const lines = [
    `${n(s.records)} records, ${n(s.events)} events, ${n(s.malformed)} malformed; ` +
      `${n(s.matches)} matches of ${n(s.byIndicator.length)} indicators, ${n(s.sightings)} sightings ` +
      `(${n(s.eventsPerSecond)} events/s, ${(s.elapsedMs / 1000).toFixed(1)} s${s.threads > 1 ? `, ${s.threads} threads` : ''})`,
  ];
  const skipped = Object.entries(s.indicators.skipped).map(([why, count]) => `${n(count)} ${why}`);
  lines.push(`indicators watched: ${n(s.indicators.active)}${skipped.length > 0 ? ` (not watched: ${skipped.join(', ')})` : ''}`);
  if (s.byIndicator.length > 0) {
    lines.push('matches:');
    for (const m of s.byIndicator.slice(0, maxLines)) lines.push(`  ${n(m.matches).padStart(7)}  ${m.name ?? '(unnamed)'}  ${m.id}`);
    if (s.byIndicator.length > maxLines) lines.push(`  … and ${n(s.byIndicator.length - maxLines)} more indicators`);
  }
  const p = s.partialMatches;
  if (p.held + p.expired + p.dropped + p.searchesCut > 0) {
    lines.push(`partial matches: ${n(p.held)} held, ${n(p.expired)} expired, ${n(p.dropped)} dropped (flood cap), ${n(p.searchesCut)} searches cut`);
  }
  if (s.malformedLines.length > 0) {
    lines.push(`malformed lines${s.malformed > maxLines ? ` (first ${maxLines} of ${n(s.malformed)})` : ''}:`);
    for (const m of s.malformedLines.slice(0, maxLines)) lines.push(`  ${m.source}:${m.line}: ${m.reason}`);
  }
  for (const f of s.skippedFiles) lines.push(`skipped ${f.source}: ${f.reason}`);
  if (webhook) lines.push(`webhook: ${n(webhook.sent)} sent, ${n(webhook.failed)} failed${webhook.lastError ? ` (last error: ${webhook.lastError})` : ''}`);
  return `${lines.join('\n')}\n`;
}
