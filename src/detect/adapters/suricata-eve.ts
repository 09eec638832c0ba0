// Suricata EVE JSON: alert, dns, http, tls, fileinfo and flow records (and the app-layer parts of any other).
import type { Sco, TelemetryEvent } from '../event.ts';
import { hashesOf } from './hashes.ts';
import type { LineDecoder } from './line-decoder.ts';
import { MalformedRecordError } from './malformed-record-error.ts';
import { parseJsonLine } from './parse-json-line.ts';
import { ScoBuilder } from './sco-builder.ts';

type Json = Record<string, unknown>;

export class SuricataEveDecoder implements LineDecoder {
  constructor(private readonly source: string) {}

  decode(text: string, line: number): TelemetryEvent | null {
    const r = parseJsonLine(text);
    if (typeof r.timestamp !== 'string') throw new MalformedRecordError('timestamp is missing');
    const time = eveTime(r.timestamp);
    if (time === undefined) throw new MalformedRecordError(`timestamp "${r.timestamp}" is not a time`);
    const b = new ScoBuilder();
    const protocols: string[] = [];
    if (typeof r.proto === 'string') protocols.push(r.proto.toLowerCase());
    if (typeof r.app_proto === 'string' && r.app_proto !== 'failed') protocols.push(r.app_proto.toLowerCase());
    const extra: Sco = {};
    const flow = obj(r.flow);
    if (flow) {
      if (typeof flow.bytes_toserver === 'number') extra.src_byte_count = flow.bytes_toserver;
      if (typeof flow.bytes_toclient === 'number') extra.dst_byte_count = flow.bytes_toclient;
      if (typeof flow.pkts_toserver === 'number') extra.src_packets = flow.pkts_toserver;
      if (typeof flow.pkts_toclient === 'number') extra.dst_packets = flow.pkts_toclient;
      if (typeof flow.start === 'string' && eveTime(flow.start) !== undefined) extra.start = new Date(eveTime(flow.start)! * 1000).toISOString();
    }
    const http = obj(r.http);
    if (http) extra.extensions = { 'http-request-ext': httpRequest(http) };
    b.traffic(r.src_ip, r.src_port, r.dest_ip, r.dest_port, protocols, Object.keys(extra).length > 0 ? extra : undefined);
    if (http) httpObjects(b, http, serverPort(http, r.src_port, r.dest_port));
    const dns = obj(r.dns);
    if (dns) dnsObjects(b, dns);
    const tls = obj(r.tls);
    if (tls) tlsObjects(b, tls);
    const file = obj(r.fileinfo);
    if (file) fileObject(b, file);
    return b.event(time, this.source, line, r);
  }
}

function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

/** `2016-06-08T20:01:52.875791+0000`: Date.parse wants the offset as `+00:00`, and drops microseconds. */
function eveTime(text: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return undefined;
  const zone = m[3] === undefined || m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
  const ms = Date.parse(`${m[1]}${zone}`);
  if (Number.isNaN(ms)) return undefined;
  return ms / 1000 + (m[2] ? Number(`0.${m[2]}`) : 0);
}

function httpRequest(h: Json): Sco {
  const ext: Sco = {
    request_method: typeof h.http_method === 'string' ? h.http_method : 'GET',
    request_value: typeof h.url === 'string' ? h.url : '/',
  };
  if (typeof h.protocol === 'string') ext.request_version = h.protocol.toLowerCase();
  const header: Record<string, string> = {};
  if (typeof h.hostname === 'string') header.Host = h.hostname;
  if (typeof h.http_user_agent === 'string') header['User-Agent'] = h.http_user_agent;
  if (typeof h.http_refer === 'string') header.Referer = h.http_refer;
  if (Object.keys(header).length > 0) ext.request_header = header;
  return ext;
}

/**
 * The web server's port: `http_port` when Suricata logs it, else the lower of the two ends (records such as
 * fileinfo are written in the server-to-client direction, so `dest_port` may be the client's).
 */
function serverPort(h: Json, src: unknown, dest: unknown): unknown {
  if (typeof h.http_port === 'number') return h.http_port;
  if (typeof src === 'number' && typeof dest === 'number') return Math.min(src, dest);
  return dest;
}

function httpObjects(b: ScoBuilder, h: Json, port: unknown): void {
  if (typeof h.hostname !== 'string') return;
  b.host(h.hostname);
  const suffix = typeof port === 'number' && port !== 80 && port !== 443 ? `:${port}` : '';
  const scheme = port === 443 ? 'https' : 'http';
  b.unique('url', `${scheme}://${h.hostname}${suffix}${typeof h.url === 'string' ? h.url : '/'}`);
}

function dnsObjects(b: ScoBuilder, d: Json): void {
  const names: unknown[] = [d.rrname];
  for (const q of Array.isArray(d.queries) ? d.queries : []) names.push(obj(q)?.rrname);
  const query = names.map((n) => b.domain(n)).find((n) => n !== undefined);
  const answers: string[] = [];
  const add = (v: unknown): void => {
    const ref = b.host(v);
    if (ref !== undefined && ref !== query) answers.push(ref);
  };
  if (d.type === 'answer' && typeof d.rdata === 'string') add(d.rdata);
  for (const a of Array.isArray(d.answers) ? d.answers : []) add(obj(a)?.rdata);
  const grouped = obj(d.grouped);
  if (grouped) for (const values of Object.values(grouped)) if (Array.isArray(values)) values.forEach(add);
  if (query !== undefined && answers.length > 0) b.objects[Number(query)]!.resolves_to_refs = [...new Set(answers)];
}

function tlsObjects(b: ScoBuilder, t: Json): void {
  b.domain(t.sni);
  const cert: Sco = { type: 'x509-certificate' };
  const hashes = hashesOf({ fingerprint: t.fingerprint });
  if (hashes) cert.hashes = hashes;
  if (typeof t.subject === 'string') cert.subject = t.subject;
  if (typeof t.issuerdn === 'string') cert.issuer = t.issuerdn;
  if (typeof t.serial === 'string') cert.serial_number = t.serial;
  if (typeof t.notbefore === 'string' && eveTime(t.notbefore) !== undefined) cert.validity_not_before = new Date(eveTime(t.notbefore)! * 1000).toISOString();
  if (typeof t.notafter === 'string' && eveTime(t.notafter) !== undefined) cert.validity_not_after = new Date(eveTime(t.notafter)! * 1000).toISOString();
  if (Object.keys(cert).length > 1) b.add(cert);
}

function fileObject(b: ScoBuilder, f: Json): void {
  const file: Sco = { type: 'file' };
  const hashes = hashesOf({ md5: f.md5, sha1: f.sha1, sha256: f.sha256 });
  if (hashes) file.hashes = hashes;
  if (typeof f.filename === 'string') file.name = f.filename.replace(/^.*\//, '');
  if (typeof f.size === 'number') file.size = f.size;
  if (file.hashes !== undefined || file.name !== undefined) b.add(file);
}
