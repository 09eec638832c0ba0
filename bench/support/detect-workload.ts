// Generated workload of `npm run bench -- detect`: Zeek dns/conn/http events and indicator sets that meet them.
//
// Deterministic (a seeded generator), so the parent and each child process produce the same indicators and
// the same events without passing them around.

/** xorshift32: fast, seeded, good enough for test data. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x1_0000_0000;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  word(len: number): string {
    let s = '';
    for (let i = 0; i < len; i++) s += String.fromCharCode(97 + this.int(26));
    return s;
  }
}

const TLDS = ['com', 'net', 'org', 'info', 'io', 'kr', 'ru', 'cn'];

/** The i-th bad address (198.18.0.0/15 and 100.64.0.0/10 hold the indicators' addresses; traffic mostly elsewhere). */
export function badIp(i: number): string {
  const n = (100 << 24 | 64 << 16) + (i * 2654435761) % (1 << 22);
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function badDomain(i: number): string {
  const r = new Random(i * 7919 + 17);
  return `${r.word(6 + r.int(6))}.${TLDS[r.int(TLDS.length)]}`;
}

function badUrl(i: number): string {
  const r = new Random(i * 104729 + 3);
  return `http://${badDomain(i)}/${r.word(5)}/${r.word(8)}.php`;
}

/**
 * Indicator i of a set: mostly exact values (addresses, domains, URLs, address+port), some CIDR blocks, some
 * LIKE/MATCHES, some over two observations.
 */
export function indicator(i: number): Record<string, unknown> {
  const kind = i % 100;
  let pattern: string;
  if (kind < 35) pattern = `[ipv4-addr:value = '${badIp(i)}']`;
  else if (kind < 65) pattern = `[domain-name:value = '${badDomain(i)}']`;
  else if (kind < 80) pattern = `[url:value = '${badUrl(i)}']`;
  else if (kind < 88) pattern = `[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '${badIp(i)}' AND network-traffic:dst_port = ${[443, 8080, 1133][i % 3]}]`;
  else if (kind < 92) {
    const r = new Random(i + 1);
    pattern = `[ipv4-addr:value ISSUBSET '198.${18 + r.int(2)}.${r.int(256)}.${r.int(64) * 4}/${30 - r.int(7)}']`;
  } else if (kind < 95) pattern = `[domain-name:value LIKE '%.${badDomain(i)}']`;
  else if (kind < 98) {
    const r = new Random(i * 31 + 7);
    pattern = `[url:value MATCHES '^https?://[^/]+/${r.word(7)}/[a-z]+\\\\.php']`;
  } else pattern = `([ipv4-addr:value = '${badIp(i)}'] FOLLOWEDBY [domain-name:value = '${badDomain(i)}']) WITHIN 300 SECONDS`;
  const hex = i.toString(16).padStart(12, '0');
  return {
    type: 'indicator', spec_version: '2.1', id: `indicator--00000000-0000-4000-8000-${hex}`,
    created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
    pattern, pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z',
  };
}

/** The exact values of indicators 0..n-1 (for the `grep -F -f` floor). */
export function exactValues(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 100;
    if (kind < 35 || (kind >= 80 && kind < 88)) out.push(badIp(i));
    else if (kind < 65) out.push(badDomain(i));
    else if (kind < 80) out.push(badUrl(i));
  }
  return out;
}

const UAS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36', 'curl/8.4.0', 'Microsoft-CryptoAPI/10.0'];

function internal(r: Random): string {
  return `10.${r.int(4)}.${r.int(256)}.${1 + r.int(254)}`;
}

function external(r: Random): string {
  return `${11 + r.int(180)}.${r.int(256)}.${r.int(256)}.${1 + r.int(254)}`;
}

/** Event j as a Zeek JSON line (conn 50%, dns 30%, http 20%); about one in 2000 carries a listed value. */
export function zeekEvent(j: number, r: Random, hitRange: number): string {
  const ts = 1_763_600_000 + j * 0.002;
  const uid = `C${r.word(17)}`;
  const hit = r.int(2000) === 0;
  const kind = r.int(10);
  const orig = internal(r);
  if (kind < 5) {
    const resp = hit ? badIp(35 * r.int(Math.max(1, Math.floor(hitRange / 100)))) : external(r);
    return JSON.stringify({
      ts, uid, 'id.orig_h': orig, 'id.orig_p': 1024 + r.int(60000), 'id.resp_h': resp, 'id.resp_p': [443, 80, 53, 8080][r.int(4)],
      proto: 'tcp', service: 'ssl', duration: r.next() * 10, orig_bytes: r.int(5000), resp_bytes: r.int(50000), conn_state: 'SF',
      local_orig: true, local_resp: false, missed_bytes: 0, history: 'ShADadFf', orig_pkts: r.int(50), orig_ip_bytes: r.int(6000),
      resp_pkts: r.int(80), resp_ip_bytes: r.int(60000),
    });
  }
  if (kind < 8) {
    const query = hit ? badDomain(30 + 100 * r.int(Math.max(1, Math.floor(hitRange / 100)))) : `${r.word(8)}.${TLDS[r.int(TLDS.length)]}`;
    return JSON.stringify({
      ts, uid, 'id.orig_h': orig, 'id.orig_p': 1024 + r.int(60000), 'id.resp_h': '10.0.0.53', 'id.resp_p': 53, proto: 'udp',
      trans_id: r.int(65536), rtt: r.next() / 100, query, qclass: 1, qclass_name: 'C_INTERNET', qtype: 1, qtype_name: 'A', rcode: 0,
      rcode_name: 'NOERROR', AA: false, TC: false, RD: true, RA: true, Z: 0, answers: [external(r)], TTLs: [300], rejected: false,
    });
  }
  const host = `www.${r.word(7)}.${TLDS[r.int(TLDS.length)]}`;
  return JSON.stringify({
    ts, uid, 'id.orig_h': orig, 'id.orig_p': 1024 + r.int(60000), 'id.resp_h': external(r), 'id.resp_p': 80, trans_depth: 1,
    method: 'GET', host, uri: `/${r.word(5)}/${r.word(6)}.html`, version: '1.1', user_agent: UAS[r.int(UAS.length)],
    request_body_len: 0, response_body_len: r.int(100000), status_code: 200, status_msg: 'OK', tags: [],
    resp_fuids: [`F${r.word(16)}`], resp_mime_types: ['text/html'],
  });
}
