// Collects the SCOs one record implies, deduplicating addresses and names, with local index references.
import type { Sco, TelemetryEvent } from '../event.ts';

export class ScoBuilder {
  readonly objects: Sco[] = [];

  /** Adds `sco` and returns its local reference. */
  add(sco: Sco): string {
    const ref = String(this.objects.length);
    this.objects.push(sco);
    return ref;
  }

  /** One ipv4-addr or ipv6-addr per distinct address; undefined for anything that is not an address. */
  address(value: unknown): string | undefined {
    if (typeof value !== 'string' || value === '') return undefined;
    const type = value.includes(':') ? 'ipv6-addr' : looksLikeIpv4(value) ? 'ipv4-addr' : undefined;
    return type === undefined ? undefined : this.unique(type, value);
  }

  domain(value: unknown): string | undefined {
    if (typeof value !== 'string' || value === '') return undefined;
    return this.unique('domain-name', value);
  }

  /** An address when the text is one, otherwise a domain name (DNS answers, HTTP Host headers). */
  host(value: unknown): string | undefined {
    return this.address(value) ?? this.domain(value);
  }

  /** Objects identified by type and value only (addresses, domains, email addresses, URLs) appear once. */
  unique(type: string, value: string, extra?: Sco): string {
    // A record implies a handful of objects: a scan is cheaper than a map.
    const objects = this.objects;
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i]!;
      if (o.value === value && o.type === type) return String(i);
    }
    return this.add(extra ? { type, value, ...extra } : { type, value });
  }

  /** A network-traffic object when either end is known (STIX 2.1 §6.12 needs src_ref or dst_ref). */
  traffic(src: unknown, srcPort: unknown, dst: unknown, dstPort: unknown, protocols: string[], extra?: Sco): string | undefined {
    const srcRef = this.address(src);
    const dstRef = this.address(dst);
    if (srcRef === undefined && dstRef === undefined) return undefined;
    const nt: Sco = { type: 'network-traffic' };
    if (srcRef !== undefined) nt.src_ref = srcRef;
    if (dstRef !== undefined) nt.dst_ref = dstRef;
    if (typeof srcPort === 'number') nt.src_port = srcPort;
    if (typeof dstPort === 'number') nt.dst_port = dstPort;
    nt.protocols = protocols.length > 0 ? protocols : ['ipv4'];
    if (extra) Object.assign(nt, extra);
    return this.add(nt);
  }

  event(time: number, source: string, line: number, record: unknown): TelemetryEvent | null {
    return this.objects.length === 0 ? null : { time, objects: this.objects, source, line, record };
  }
}

function looksLikeIpv4(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 46) dots++;
    else if (ch < 48 || ch > 57) return false;
  }
  return dots === 3;
}
