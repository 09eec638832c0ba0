// Converts a US-CERT/CISA advisory IOC CSV (e.g. TA17-318B, HIDDEN COBRA) into STIX 2.1 indicators.
import { parse } from 'csv-parse/sync';
import { LAZARUS_GROUP } from './attack-groups.ts';
import { refang } from '../stix/defang.ts';
import { deterministicId } from './deterministic-id.ts';
import { MalformedLineError } from './malformed-line-error.ts';
import { patternLiteral } from './pattern-literal.ts';
import { US_CERT_IDENTITY } from './source-identities.ts';
import { SourceFormatError } from './source-format-error.ts';
import { sdoHeader, type Conversion, type StixObject } from './stix-object.ts';
import { tlpMarking } from './tlp-markings.ts';

export interface UsCertCsvOptions {
  /** The file's name, for error reports and to find the advisory id (`TA-17-318B-IOCs.csv` → TA17-318B). */
  file: string;
  /** RFC 3339 date of the advisory: `created`, `modified`, and `valid_from` where a row has no observed date. */
  date: string;
  /** Advisory id such as `TA17-318B`; defaults to the one in the file name. */
  advisory?: string;
  /**
   * What the indicators indicate. Defaults to Lazarus Group: HIDDEN COBRA is the US government's name for it
   * (ATT&CK G0032 lists it as an alias). Null: no `indicates` relationships.
   */
  target?: string | null;
}

const REQUIRED_COLUMNS = ['INDICATOR_VALUE', 'TYPE'] as const;

// US-CERT's ATTACK_PHASE column uses the Lockheed Martin kill chain's phases, in capitals.
const KILL_CHAIN_PHASES: Record<string, string> = {
  RECONNAISSANCE: 'reconnaissance',
  WEAPONIZATION: 'weaponization',
  DELIVERY: 'delivery',
  EXPLOITATION: 'exploitation',
  INSTALLATION: 'installation',
  C2: 'command-and-control',
  'COMMAND AND CONTROL': 'command-and-control',
  'ACTIONS ON OBJECTIVES': 'actions-on-objectives',
};

const HASH_FORMATS: Record<string, { key: string; length: number }> = {
  MD5: { key: 'MD5', length: 32 },
  SHA1: { key: 'SHA-1', length: 40 },
  SHA256: { key: 'SHA-256', length: 64 },
};

/** The advisory id in a US-CERT file name: `TA-17-318B-IOCs.csv` → `TA17-318B`, `AA22-187A.csv` → `AA22-187A`. */
export function advisoryIdFromFileName(file: string): string | undefined {
  const m = /(TA|AA)-?(\d{2})-(\d{3}[A-Z])/i.exec(file.replace(/^.*[\\/]/, ''));
  return m === null ? undefined : `${m[1]!.toUpperCase()}${m[2]}-${m[3]!.toUpperCase()}`;
}

class RowError extends Error {}

function hashProperty(algorithm: string): string {
  // Hash names with a hyphen must be quoted in an object path (§9.3).
  return /^[A-Za-z0-9_]+$/.test(algorithm) ? `file:hashes.${algorithm}` : `file:hashes.'${algorithm}'`;
}

function isIpv4(value: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}

/** The pattern for one row; a file hash also matches the other hashes of the same file listed in COMMENT. */
function rowPattern(type: string, value: string, comment: string): string {
  const hash = HASH_FORMATS[type];
  if (hash !== undefined) {
    if (!new RegExp(`^[0-9a-f]{${hash.length}}$`).test(value)) throw new RowError(`not a ${type} hash`);
    const terms = [`${hashProperty(hash.key)} = ${patternLiteral(value)}`];
    for (const part of comment.split('|')) {
      const [name = '', extra = ''] = part.split(':', 2).map((s) => s.trim());
      const other = HASH_FORMATS[name.toUpperCase()];
      if (other !== undefined && other !== hash && new RegExp(`^[0-9a-fA-F]{${other.length}}$`).test(extra)) {
        terms.push(`${hashProperty(other.key)} = ${patternLiteral(extra.toLowerCase())}`);
      }
    }
    return `[${terms.join(' OR ')}]`;
  }
  switch (type) {
    case 'IPV4ADDR':
      if (!isIpv4(value)) throw new RowError('not an IPv4 address');
      return `[ipv4-addr:value = ${patternLiteral(value)}]`;
    case 'IPV6ADDR':
      if (!/^[0-9a-f:.]+$/i.test(value) || !value.includes(':')) throw new RowError('not an IPv6 address');
      return `[ipv6-addr:value = ${patternLiteral(value)}]`;
    case 'FQDN':
    case 'DOMAIN':
      if (!/^[a-z0-9_.-]+\.[a-z0-9-]+$/i.test(value)) throw new RowError('not a domain name');
      return `[domain-name:value = ${patternLiteral(value)}]`;
    case 'URL':
      if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value)) throw new RowError('not a URL');
      return `[url:value = ${patternLiteral(value)}]`;
    case 'EMAIL':
      if (!/^[^@\s]+@[^@\s]+$/.test(value)) throw new RowError('not an e-mail address');
      return `[email-addr:value = ${patternLiteral(value)}]`;
    default:
      throw new RowError(`unknown indicator TYPE ${JSON.stringify(type)}`);
  }
}

function observedDate(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const ms = Date.parse(text.trim());
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * Converts the CSV: the US-CERT identity, then per row an indicator (marked with the row's TLP, TLP 1.0
 * WHITE mapped to TLP 2.0 CLEAR) and its `indicates` relationship. Rows that cannot be read are skipped
 * and reported with their line number.
 */
export function convertUsCertCsv(text: string, options: UsCertCsvOptions): Conversion {
  const advisory = options.advisory ?? advisoryIdFromFileName(options.file);
  if (advisory === undefined) {
    throw new SourceFormatError(options.file, 'no advisory id (TAyy-nnnX or AAyy-nnnX) in the file name; name it explicitly');
  }
  const target = options.target === undefined ? LAZARUS_GROUP.stixId : options.target;
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, csv-parse returns { record, info } per row; its typings describe only the plain form.
    rows = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown as typeof rows;
  } catch (err) {
    throw new SourceFormatError(options.file, `not readable as CSV: ${(err as Error).message}`);
  }
  const header = rows.shift()?.record.map((h) => h.trim().toUpperCase()) ?? [];
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column)) throw new SourceFormatError(options.file, `no ${column} column in the header`);
  }
  const column = (record: string[], name: string): string => (record[header.indexOf(name)] ?? '').trim();

  const advisoryRef = {
    source_name: 'US-CERT',
    external_id: advisory,
    url: `https://www.us-cert.gov/ncas/alerts/${advisory}`,
  };
  const objects: StixObject[] = [US_CERT_IDENTITY];
  const skipped: MalformedLineError[] = [];
  const seen = new Set<string>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const raw = record.join(',');
    try {
      if (record.length !== header.length) {
        throw new RowError(`${record.length} fields where the header has ${header.length}`);
      }
      const type = column(record, 'TYPE').toUpperCase();
      let value = refang(column(record, 'INDICATOR_VALUE'));
      if (HASH_FORMATS[type] !== undefined) value = value.toLowerCase();
      if (value === '') throw new RowError('empty INDICATOR_VALUE');
      const pattern = rowPattern(type, value, column(record, 'COMMENT'));
      const handling = column(record, 'HANDLING');
      const marking = handling === '' ? undefined : tlpMarking(handling);
      if (handling !== '' && marking === undefined) throw new RowError(`unknown HANDLING ${JSON.stringify(handling)}`);
      if (seen.has(value)) continue;
      seen.add(value);

      const phase = KILL_CHAIN_PHASES[column(record, 'ATTACK_PHASE').toUpperCase()];
      const description = column(record, 'DESCRIPTION');
      const indicatorId = deterministicId('indicator', 'us-cert', advisory, value);
      const markings = marking === undefined ? {} : { object_marking_refs: [marking] };
      objects.push({
        ...sdoHeader('indicator', indicatorId, US_CERT_IDENTITY.id, options.date),
        name: value,
        ...(description ? { description } : {}),
        indicator_types: target === null ? ['malicious-activity'] : ['malicious-activity', 'attribution'],
        pattern,
        pattern_type: 'stix',
        pattern_version: '2.1',
        valid_from: observedDate(column(record, 'OBSERVED_DATE')) ?? options.date,
        ...(phase ? { kill_chain_phases: [{ kill_chain_name: 'lockheed-martin-cyber-kill-chain', phase_name: phase }] } : {}),
        external_references: [advisoryRef],
        ...markings,
      });
      if (target !== null) {
        objects.push({
          ...sdoHeader(
            'relationship',
            deterministicId('relationship', 'us-cert', advisory, value, 'indicates', target),
            US_CERT_IDENTITY.id,
            options.date,
          ),
          relationship_type: 'indicates',
          source_ref: indicatorId,
          target_ref: target,
          external_references: [advisoryRef],
          ...markings,
        });
      }
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      skipped.push(new MalformedLineError(options.file, line, raw, err.message));
    }
  }
  return { objects, skipped };
}
