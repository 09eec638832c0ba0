// Human-readable rendering of an import summary and of validation problems.
import type { Problem } from '../stix/problem.ts';
import type { ImportSummary, Rejection } from '../ingest/import.ts';

export function problemLine(p: Problem): string {
  return `${p.severity} ${p.path}: ${p.message} [${p.code}, STIX 2.1 §${p.spec}]`;
}

export function rejectionText(r: Rejection): string {
  const head = `  ${r.origin}${r.objectId ? ` ${r.objectId}` : ''}`;
  return [head, ...r.problems.map((p) => `      ${problemLine(p)}`)].join('\n');
}

export function summaryText(s: ImportSummary): string {
  const lines = [
    `${s.newObjects} new objects, ${s.newVersions} new versions, ${s.duplicates} unchanged duplicates, ${s.rejected.length} rejected`,
  ];
  if (!s.committed) lines.push('strict import failed: nothing was written');
  if (s.rejected.length > 0) lines.push('Rejected:', ...s.rejected.map(rejectionText));
  const warnings = Object.entries(s.warnings).sort((a, b) => b[1] - a[1]);
  if (warnings.length > 0) lines.push(`Warnings on accepted objects: ${warnings.map(([code, n]) => `${code} ×${n}`).join(', ')}`);
  return lines.join('\n') + '\n';
}
