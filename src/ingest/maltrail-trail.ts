// Reads one Maltrail trail (a domain, IP, IP:port, URL or URL path) into the STIX pattern that detects it.
import { refang } from '../stix/defang.ts';
import { patternLiteral, regexEscape } from './pattern-literal.ts';

export type TrailKind = 'ipv4' | 'ipv4-cidr' | 'ipv4-port' | 'domain' | 'domain-port' | 'url' | 'url-path';

export interface Trail {
  kind: TrailKind;
  /** The trail as listed (re-fanged, trimmed): what the indicator is named and identified by. */
  value: string;
  /** A STIX 2.1 pattern (§9) matching what Maltrail matches for this trail. */
  pattern: string;
}

/** Why a trail line cannot be converted; the converter turns it into a MalformedLineError. */
export class TrailFormatError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TrailFormatError';
  }
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
// Host names as Maltrail lists them: dotted labels; `_` occurs in real malicious host names, so it is allowed.
const HOST = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)$/i;
const SCHEME_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+/i;

function isIpv4(text: string): boolean {
  const m = IPV4.exec(text);
  return m !== null && m.slice(1).every((octet) => Number(octet) <= 255);
}

function port(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    throw new TrailFormatError(`port ${JSON.stringify(text)} is not 1-65535`);
  }
  return Number(text);
}

function urlPattern(url: string): string {
  return `[url:value = ${patternLiteral(url)}]`;
}

/**
 * Parses one trail. Maltrail lists URLs without a scheme (`host/path`) because its sensor only sees paths in
 * cleartext HTTP, so those become `http://host/path`; a bare `/path` trail matches that path on any host,
 * which STIX can only say with MATCHES (§9.6).
 */
export function parseTrail(line: string): Trail {
  const value = refang(line);
  if (value === '') throw new TrailFormatError('empty trail');
  if (/\s/.test(value)) throw new TrailFormatError('whitespace inside a trail');

  if (SCHEME_URL.test(value)) return { kind: 'url', value, pattern: urlPattern(value) };

  if (value.startsWith('/')) {
    const regex = `^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+.*${regexEscape(value)}`;
    return { kind: 'url-path', value, pattern: `[url:value MATCHES ${patternLiteral(regex)}]` };
  }

  const slash = value.indexOf('/');
  const authority = slash === -1 ? value : value.slice(0, slash);
  const rest = slash === -1 ? '' : value.slice(slash);
  const colon = authority.lastIndexOf(':');
  const host = colon === -1 ? authority : authority.slice(0, colon);
  const portText = colon === -1 ? null : authority.slice(colon + 1);

  const hostIsIp = isIpv4(host);
  if (!hostIsIp) {
    if (IPV4.test(host)) throw new TrailFormatError('IPv4 address with an octet above 255');
    if (!HOST.test(host)) throw new TrailFormatError('not a domain name, IPv4 address or URL');
  }

  if (hostIsIp && portText === null && /^\/\d{1,2}$/.test(rest)) {
    if (Number(rest.slice(1)) > 32) throw new TrailFormatError('CIDR prefix above /32');
    return { kind: 'ipv4-cidr', value, pattern: `[ipv4-addr:value = ${patternLiteral(value)}]` };
  }
  if (rest !== '') {
    if (portText !== null) port(portText);
    return { kind: 'url', value, pattern: urlPattern(`http://${value}`) };
  }
  const addressType = hostIsIp ? 'ipv4-addr' : 'domain-name';
  if (portText !== null) {
    const p = port(portText);
    return {
      kind: hostIsIp ? 'ipv4-port' : 'domain-port',
      value,
      pattern:
        `[network-traffic:dst_ref.type = '${addressType}' AND network-traffic:dst_ref.value = ${patternLiteral(host)}` +
        ` AND network-traffic:dst_port = ${p}]`,
    };
  }
  return { kind: hostIsIp ? 'ipv4' : 'domain', value, pattern: `[${addressType}:value = ${patternLiteral(value)}]` };
}
