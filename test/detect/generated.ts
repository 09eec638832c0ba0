// fast-check generators of patterns and events over small value pools, so patterns and events often meet.
import fc from 'fast-check';
import type { Sco, TelemetryEvent } from '../../src/detect/event.ts';
import { isoTime } from '../../src/detect/adapters/zeek-record.ts';

const IPS = ['10.0.0.1', '10.0.0.2', '10.1.2.3', '192.168.1.5', '8.8.8.8', '196.38.48.121'];
const CIDRS = ['10.0.0.0/8', '10.0.0.0/24', '192.168.0.0/16', '8.8.8.8/32', '0.0.0.0/0', '196.38.48.0/23'];
const DOMAINS = ['a.example.com', 'b.example.com', 'evil.example.org', 'tpddata.com', 'x.tpddata.com'];
const URLS = ['http://a.example.com/login', 'http://evil.example.org/board/tbl_add.php', 'https://tpddata.com/x/admin?y=1'];
const MD5S = ['2d2b88ae9f7e5b49b728ad7a1d220e84', '0cc175b9c0f1b6a831c399e269772661'];
const PORTS = [22, 80, 443, 8080];

const q = (s: string): string => `'${s}'`;

const ipComparison = fc.oneof(
  fc.constantFrom(...IPS).map((ip) => `ipv4-addr:value = ${q(ip)}`),
  fc.constantFrom(...IPS).map((ip) => `ipv4-addr:value != ${q(ip)}`),
  fc.constantFrom(...IPS).map((ip) => `ipv4-addr:value NOT = ${q(ip)}`),
  fc.constantFrom(...CIDRS).map((c) => `ipv4-addr:value ISSUBSET ${q(c)}`),
  fc.constantFrom('10.%', '%.5', '10.0.0._', '%8%').map((l) => `ipv4-addr:value LIKE ${q(l)}`),
  fc.constantFrom('^10[.]0', '[.]3$', '^8').map((r) => `ipv4-addr:value MATCHES ${q(r)}`),
  fc.subarray(IPS, { minLength: 1, maxLength: 3 }).map((l) => `ipv4-addr:value IN (${l.map(q).join(', ')})`),
);

const domainComparison = fc.oneof(
  fc.constantFrom(...DOMAINS).map((d) => `domain-name:value = ${q(d)}`),
  fc.constantFrom('%.example.com', 'a.%', '%tpddata.com', '_.example.com', '%.example.%').map((l) => `domain-name:value LIKE ${q(l)}`),
  fc.constantFrom('example[.]com$', '^x[.]', 'tpddata', '(evil|good)[.]').map((r) => `domain-name:value MATCHES ${q(r)}`),
);

const trafficComparison = fc.oneof(
  fc.constantFrom(...IPS).map((ip) => `network-traffic:dst_ref.value = ${q(ip)}`),
  fc.constantFrom(...CIDRS).map((c) => `network-traffic:src_ref.value ISSUBSET ${q(c)}`),
  fc.constantFrom(...PORTS).map((p) => `network-traffic:dst_port = ${p}`),
  fc.constantFrom(...PORTS).map((p) => `network-traffic:dst_port > ${p}`),
  fc.subarray(PORTS, { minLength: 1 }).map((l) => `network-traffic:dst_port IN (${l.join(', ')})`),
  fc.constantFrom('tcp', 'udp', 'http').map((p) => `network-traffic:protocols[*] = ${q(p)}`),
  fc.constantFrom('tcp', 'udp').map((p) => `network-traffic:protocols[0] = ${q(p)}`),
  fc.constant(`network-traffic:dst_ref.type = 'ipv4-addr'`),
  fc.constant('EXISTS network-traffic:src_port'),
);

const fileComparison = fc.oneof(
  fc.constantFrom(...MD5S).map((h) => `file:hashes.MD5 = ${q(h)}`),
  fc.constantFrom(...MD5S).map((h) => `file:hashes.'SHA-256' = ${q(h)}`),
  fc.constantFrom(50, 500).map((n) => `file:size >= ${n}`),
  fc.constantFrom('%.exe', 'update%').map((l) => `file:name LIKE ${q(l)}`),
);

const urlComparison = fc.oneof(
  fc.constantFrom(...URLS).map((u) => `url:value = ${q(u)}`),
  fc.constantFrom('http://%', '%/login', '%tbl_add.php').map((l) => `url:value LIKE ${q(l)}`),
  fc.constantFrom('/(login|admin)', '^https?://[^/]+/board/tbl_add[.]php', 'admin[?]y').map((r) => `url:value MATCHES ${q(r)}`),
);

/** A comparison expression over one SCO type (AND must keep to one root type), or an OR across types. */
const sameType = (c: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.oneof(
  { weight: 3, arbitrary: c },
  { weight: 1, arbitrary: fc.tuple(c, c).map(([a, b]) => `${a} AND ${b}`) },
  { weight: 1, arbitrary: fc.tuple(c, c).map(([a, b]) => `${a} OR ${b}`) },
  { weight: 1, arbitrary: fc.tuple(c, c, c).map(([a, b, d]) => `(${a} OR ${b}) AND ${d}`) },
);

export const observation: fc.Arbitrary<string> = fc.oneof(
  sameType(ipComparison), sameType(domainComparison), sameType(trafficComparison), sameType(fileComparison), sameType(urlComparison),
  fc.tuple(ipComparison, domainComparison).map(([a, b]) => `${a} OR ${b}`),
).map((c) => `[${c}]`);

export const compoundPattern: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(observation, observation).map(([a, b]) => `${a} AND ${b}`),
  fc.tuple(observation, observation).map(([a, b]) => `${a} OR ${b}`),
  fc.tuple(observation, observation).map(([a, b]) => `${a} FOLLOWEDBY ${b}`),
  fc.tuple(observation, observation, fc.constantFrom(2, 5, 30)).map(([a, b, s]) => `(${a} AND ${b}) WITHIN ${s} SECONDS`),
  fc.tuple(observation, fc.constantFrom(2, 3)).map(([a, n]) => `${a} REPEATS ${n} TIMES`),
  fc.tuple(observation, fc.constantFrom(2, 3), fc.constantFrom(3, 10)).map(([a, n, s]) => `(${a} REPEATS ${n} TIMES) WITHIN ${s} SECONDS`),
  fc.tuple(observation, observation, observation).map(([a, b, c]) => `(${a} FOLLOWEDBY ${b}) AND ${c}`),
  observation.map((a) => `${a} START t'2025-01-01T00:00:03Z' STOP t'2025-01-01T00:00:20Z'`),
);

const BASE = Date.UTC(2025, 0, 1) / 1000;

/** One event's SCOs: a connection between two addresses, and maybe a name, a URL and a file. */
const objects: fc.Arbitrary<Sco[]> = fc.record({
  src: fc.constantFrom(...IPS),
  dst: fc.constantFrom(...IPS),
  srcPort: fc.option(fc.constantFrom(40000, 51000), { nil: undefined }),
  dstPort: fc.constantFrom(...PORTS),
  protocols: fc.constantFrom(['tcp'], ['udp'], ['tcp', 'http'], ['udp', 'dns']),
  domain: fc.option(fc.constantFrom(...DOMAINS), { nil: undefined }),
  url: fc.option(fc.constantFrom(...URLS), { nil: undefined }),
  file: fc.option(fc.record({ md5: fc.constantFrom(...MD5S), size: fc.constantFrom(10, 100, 1000), name: fc.constantFrom('update.exe', 'a.txt') }), { nil: undefined }),
}).map((r) => {
  const out: Sco[] = [{ type: 'ipv4-addr', value: r.src }, { type: 'ipv4-addr', value: r.dst }];
  const nt: Sco = { type: 'network-traffic', src_ref: '0', dst_ref: '1', dst_port: r.dstPort, protocols: r.protocols };
  if (r.srcPort !== undefined) nt.src_port = r.srcPort;
  out.push(nt);
  if (r.domain) out.push({ type: 'domain-name', value: r.domain });
  if (r.url) out.push({ type: 'url', value: r.url });
  if (r.file) out.push({ type: 'file', hashes: { MD5: r.file.md5 }, size: r.file.size, name: r.file.name });
  return out;
});

/** Events in time order (steps of 0–4 s, ties included), numbered by line. */
export const eventStream: fc.Arbitrary<TelemetryEvent[]> = fc.array(fc.tuple(objects, fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 12 })
  .map((items) => {
    let t = BASE;
    return items.map(([objs, step], i) => {
      t += step;
      return { time: t, objects: objs, source: 'generated', line: i + 1, record: null };
    });
  });

/** The event as STIX 2.0-style observed-data (embedded objects under their local keys), for matchPattern. */
export function asObservedData(e: TelemetryEvent, i: number): Record<string, unknown> {
  const at = isoTime(e.time);
  return {
    type: 'observed-data', id: `observed-data--00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    first_observed: at, last_observed: at, number_observed: 1,
    objects: Object.fromEntries(e.objects.map((o, k) => [String(k), o])),
  };
}

let n = 0;
export function indicatorFor(pattern: string): Record<string, unknown> {
  n++;
  return {
    type: 'indicator', spec_version: '2.1', id: `indicator--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z',
    pattern, pattern_type: 'stix', valid_from: '2025-01-01T00:00:00Z',
  };
}
