// Public surface of advisories: compose from a report or a selection, render in each format, publish.
export type * from './advisory.ts';
export { composeAdvisory, type ComposeOptions } from './compose-advisory.ts';
export { publishAdvisory, type PublishOptions, type PublishResult } from './publish-advisory.ts';
export { renderHtml, escapeHtml } from './render-html.ts';
export { renderMarkdown } from './render-markdown.ts';
export { renderStix, stixBundle } from './render-stix.ts';
export { renderCsv, CSV_COLUMNS } from './render-csv.ts';
export { renderAdvisory, ADVISORY_FORMATS, MEDIA_TYPES, type AdvisoryFormat } from './render-advisory.ts';
export {
  EmptySelectionError, IdentityNotFoundError, NotAReportError, ReportNotFoundError, ReportRevokedError, TlpCeilingError,
} from './errors.ts';
