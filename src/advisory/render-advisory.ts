// The advisory formats by name, for callers that choose one at run time (the CLI, the web UI).
import type { Advisory } from './advisory.ts';
import { renderCsv } from './render-csv.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderStix } from './render-stix.ts';
import type { AdvisoryFormat } from './advisory-format.ts';

export { ADVISORY_FORMATS, type AdvisoryFormat } from './advisory-format.ts';

const RENDERERS: Record<AdvisoryFormat, (advisory: Advisory) => string> = {
  html: renderHtml,
  md: renderMarkdown,
  stix: renderStix,
  csv: renderCsv,
};

/** The media type each format is served as. */
export const MEDIA_TYPES: Record<AdvisoryFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  stix: 'application/stix+json;version=2.1',
  csv: 'text/csv; charset=utf-8',
};

export function renderAdvisory(advisory: Advisory, format: AdvisoryFormat): string {
  return RENDERERS[format](advisory);
}
