// One Zeek log record (TSV or JSON, same field names) to the SCOs it implies, per log kind.
import type { Sco, TelemetryEvent } from '../event.ts';
import { emailAddress } from './email-address.ts';
import { hashesOf } from './hashes.ts';
import { ScoBuilder } from './sco-builder.ts';

type ZeekRecord = Record<string, unknown>;

export function zeekRecordEvent(path: string, r: ZeekRecord, source: string, line: number): TelemetryEvent | null {
  const b = new ScoBuilder();
  // A streamed JSON log names each record's log in `_path`; otherwise the file (or #path) says, or the fields.
  const kind = typeof r._path === 'string' ? r._path : path === '' ? guessPath(r) : path;
  switch (kind) {
    case 'conn': conn(b, r); break;
    case 'dns': dns(b, r); break;
    case 'http': http(b, r); break;
    case 'ssl': ssl(b, r); break;
    case 'x509': x509(b, r); break;
    case 'files': files(b, r); break;
    case 'smtp': smtp(b, r); break;
    case 'software': software(b, r); break;
    default: traffic(b, r, []);
  }
  return b.event(r.ts as number, source, line, r);
}

/** Zeek JSON logs do not name their log; the fields tell. */
function guessPath(r: ZeekRecord): string {
  if ('conn_state' in r || 'orig_bytes' in r) return 'conn';
  if ('query' in r && ('qtype' in r || 'qtype_name' in r || 'rcode' in r)) return 'dns';
  if ('method' in r || 'uri' in r) return 'http';
  if ('server_name' in r || 'cipher' in r) return 'ssl';
  if ('certificate.subject' in r || 'fingerprint' in r) return 'x509';
  if ('fuid' in r && ('mime_type' in r || 'md5' in r || 'sha1' in r || 'seen_bytes' in r)) return 'files';
  if ('mailfrom' in r || 'rcptto' in r) return 'smtp';
  return '';
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function traffic(b: ScoBuilder, r: ZeekRecord, app: string[], extra?: Sco): string | undefined {
  const protocols: string[] = [];
  if (typeof r.proto === 'string' && r.proto !== '') protocols.push(r.proto);
  for (const p of app) if (p !== '' && !protocols.includes(p)) protocols.push(p);
  return b.traffic(r['id.orig_h'], r['id.orig_p'], r['id.resp_h'], r['id.resp_p'], protocols, extra);
}

function conn(b: ScoBuilder, r: ZeekRecord): void {
  const extra: Sco = { start: isoTime(r.ts as number) };
  if (typeof r.orig_bytes === 'number') extra.src_byte_count = r.orig_bytes;
  if (typeof r.resp_bytes === 'number') extra.dst_byte_count = r.resp_bytes;
  if (typeof r.orig_pkts === 'number') extra.src_packets = r.orig_pkts;
  if (typeof r.resp_pkts === 'number') extra.dst_packets = r.resp_pkts;
  const service = typeof r.service === 'string' ? r.service.split(',') : list(r.service).filter((s): s is string => typeof s === 'string');
  traffic(b, r, service, extra);
}

function dns(b: ScoBuilder, r: ZeekRecord): void {
  traffic(b, r, ['dns']);
  const query = b.domain(str(r.query));
  const answers = list(r.answers).map((a) => b.host(a)).filter((a): a is string => a !== undefined && a !== query);
  if (query !== undefined && answers.length > 0) b.objects[Number(query)]!.resolves_to_refs = answers;
}

function http(b: ScoBuilder, r: ZeekRecord): void {
  const header: Record<string, string> = {};
  const host = str(r.host);
  if (host) header.Host = host;
  if (str(r.user_agent)) header['User-Agent'] = r.user_agent as string;
  if (str(r.referrer)) header.Referer = r.referrer as string;
  const ext: Sco = { request_method: str(r.method) ?? 'GET', request_value: str(r.uri) ?? '/' };
  if (str(r.version)) ext.request_version = `http/${r.version as string}`;
  if (Object.keys(header).length > 0) ext.request_header = header;
  traffic(b, r, ['http'], { extensions: { 'http-request-ext': ext } });
  if (host) {
    b.host(host.replace(/:\d+$/, ''));
    const port = typeof r['id.resp_p'] === 'number' && r['id.resp_p'] !== 80 && !/:\d+$/.test(host) ? `:${r['id.resp_p']}` : '';
    b.unique('url', `http://${host}${port}${str(r.uri) ?? '/'}`);
  }
}

function ssl(b: ScoBuilder, r: ZeekRecord): void {
  traffic(b, r, ['ssl']);
  b.domain(str(r.server_name));
  for (const fp of list(r.cert_chain_fps)) {
    const hashes = typeof fp === 'string' ? hashesOf({ fingerprint: fp }) : undefined;
    if (hashes) b.add({ type: 'x509-certificate', hashes });
  }
}

function x509(b: ScoBuilder, r: ZeekRecord): void {
  const cert: Sco = { type: 'x509-certificate' };
  const hashes = typeof r.fingerprint === 'string' ? hashesOf({ fingerprint: r.fingerprint }) : undefined;
  if (hashes) cert.hashes = hashes;
  if (typeof r['certificate.version'] === 'number') cert.version = String(r['certificate.version']);
  if (str(r['certificate.serial'])) cert.serial_number = r['certificate.serial'];
  if (str(r['certificate.subject'])) cert.subject = r['certificate.subject'];
  if (str(r['certificate.issuer'])) cert.issuer = r['certificate.issuer'];
  if (typeof r['certificate.not_valid_before'] === 'number') cert.validity_not_before = isoTime(r['certificate.not_valid_before']);
  if (typeof r['certificate.not_valid_after'] === 'number') cert.validity_not_after = isoTime(r['certificate.not_valid_after']);
  if (str(r['certificate.sig_alg'])) cert.signature_algorithm = r['certificate.sig_alg'];
  if (str(r['certificate.key_alg'])) cert.subject_public_key_algorithm = r['certificate.key_alg'];
  if (typeof r['certificate.exponent'] === 'string' && /^\d+$/.test(r['certificate.exponent'])) {
    cert.subject_public_key_exponent = Number(r['certificate.exponent']);
  }
  const san = [...list(r['san.dns']).map((d) => `DNS:${String(d)}`), ...list(r['san.ip']).map((d) => `IP:${String(d)}`)];
  if (san.length > 0) cert.x509_v3_extensions = { subject_alternative_name: san.join(', ') };
  b.add(cert);
  for (const d of list(r['san.dns'])) b.domain(str(d));
  for (const a of list(r['san.ip'])) b.address(a);
}

function files(b: ScoBuilder, r: ZeekRecord): void {
  const file: Sco = { type: 'file' };
  const hashes = hashesOf({ md5: r.md5, sha1: r.sha1, sha256: r.sha256 });
  if (hashes) file.hashes = hashes;
  const size = typeof r.total_bytes === 'number' ? r.total_bytes : r.seen_bytes;
  if (typeof size === 'number') file.size = size;
  if (str(r.filename)) file.name = r.filename;
  if (str(r.mime_type)) file.mime_type = r.mime_type;
  if (file.hashes !== undefined || file.name !== undefined) b.add(file);
  // Zeek 5+ logs the connection's endpoints; older versions list the hosts the file went between.
  if ('id.orig_h' in r) traffic(b, r, []);
  for (const h of [...list(r.tx_hosts), ...list(r.rx_hosts)]) b.address(h);
}

function smtp(b: ScoBuilder, r: ZeekRecord): void {
  traffic(b, r, ['smtp']);
  const message: Sco = { type: 'email-message', is_multipart: false };
  const from = emailAddress(str(r.from) ?? str(r.mailfrom));
  if (from) message.from_ref = b.unique('email-addr', from.value, from.displayName ? { display_name: from.displayName } : undefined);
  const to = [...list(r.to), ...list(r.rcptto)].map((t) => emailAddress(str(t))).filter((t) => t !== undefined);
  if (to.length > 0) message.to_refs = [...new Set(to.map((t) => b.unique('email-addr', t.value)))];
  const cc = list(r.cc).map((t) => emailAddress(str(t))).filter((t) => t !== undefined);
  if (cc.length > 0) message.cc_refs = cc.map((t) => b.unique('email-addr', t.value));
  if (str(r.subject)) message.subject = r.subject;
  if (str(r.msg_id)) message.message_id = r.msg_id;
  const date = typeof r.date === 'string' ? Date.parse(r.date) : NaN;
  if (!Number.isNaN(date)) message.date = new Date(date).toISOString();
  if (Object.keys(message).length > 2) b.add(message);
  b.address(str(r.x_originating_ip));
}

function software(b: ScoBuilder, r: ZeekRecord): void {
  b.address(r.host);
  if (str(r.name)) {
    const sw: Sco = { type: 'software', name: r.name };
    if (str(r.unparsed_version)) sw.version = r.unparsed_version;
    b.add(sw);
  }
}

/** RFC 3339 UTC with microseconds, from Zeek's epoch seconds. */
export function isoTime(seconds: number): string {
  let whole = Math.floor(seconds);
  let micros = Math.round((seconds - whole) * 1e6);
  if (micros === 1e6) {
    whole++;
    micros = 0;
  }
  // Consecutive records mostly share their second: format it once.
  if (whole !== lastSecond) {
    lastSecond = whole;
    lastBase = new Date(whole * 1000).toISOString().slice(0, 19);
  }
  return `${lastBase}.${String(micros).padStart(6, '0')}Z`;
}

let lastSecond = NaN;
let lastBase = '';
