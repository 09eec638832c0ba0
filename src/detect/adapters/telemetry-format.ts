// Picks the decoder for an input: the format asked for, or one recognised from the file name and first line.
import { basename } from 'node:path';
import type { FieldMapping } from './field-mapping.ts';
import { JsonLinesDecoder } from './json-lines.ts';
import type { LineDecoder } from './line-decoder.ts';
import { SuricataEveDecoder } from './suricata-eve.ts';
import { ZeekJsonDecoder } from './zeek-json.ts';
import { ZeekTsvDecoder } from './zeek-tsv.ts';
import type { TelemetryFormat } from './format-names.ts';

export { FORMATS, type TelemetryFormat } from './format-names.ts';

export class UnknownFormatError extends Error {
  constructor(readonly source: string, readonly reason: string) {
    super(`${source}: ${reason}`);
    this.name = 'UnknownFormatError';
  }
}

const ZEEK_LOGS = new Set(['conn', 'dns', 'http', 'ssl', 'x509', 'files', 'smtp', 'notice', 'weird', 'ssh', 'ftp', 'kerberos', 'ntlm', 'rdp', 'smb_files', 'dhcp', 'software', 'pe', 'sip', 'tunnel']);

/** The Zeek log kind a file name names (`conn.log`, `dns.2024-04-12.log.gz`, `http.json`), or ''. */
export function zeekPathOf(source: string): string {
  const head = basename(source).split(/[._]/)[0] ?? '';
  return ZEEK_LOGS.has(head) ? head : basename(source).startsWith('smb_files') ? 'smb_files' : '';
}

/** The format of an input judging by its first non-empty line, when none was asked for. */
export function sniffFormat(source: string, firstLine: string, mapping: FieldMapping | undefined): TelemetryFormat {
  const t = firstLine.trimStart();
  if (t.startsWith('#separator') || t.startsWith('#fields') || t.startsWith('#path')) return 'zeek';
  if (t.startsWith('{') || t.startsWith('[')) {
    if (/"type"\s*:\s*"(?:bundle|observed-data)"/.test(t) || t === '{' || t === '[') return 'stix';
    if (t.includes('"event_type"')) return 'suricata';
    if (/"(?:ts|uid|id\.orig_h)"\s*:/.test(t)) return 'zeek';
    if (mapping) return 'jsonl';
  }
  throw new UnknownFormatError(source, 'cannot tell the format from the first line; give --format (and --mapping for JSON lines)');
}

/** The line decoder for one input; STIX documents are not line-oriented and are read whole instead. */
export function lineDecoder(format: Exclude<TelemetryFormat, 'stix'>, source: string, firstLine: string, mapping: FieldMapping | undefined): LineDecoder {
  switch (format) {
    case 'zeek':
      return firstLine.trimStart().startsWith('{') ? new ZeekJsonDecoder(source, zeekPathOf(source)) : new ZeekTsvDecoder(source, zeekPathOf(source));
    case 'suricata':
      return new SuricataEveDecoder(source);
    case 'jsonl':
      if (!mapping) throw new UnknownFormatError(source, 'JSON lines need --mapping FILE to say which fields are which observables');
      return new JsonLinesDecoder(source, mapping);
  }
}
