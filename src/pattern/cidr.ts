// IPv4/IPv6 addresses and CIDR blocks as bit ranges, for ISSUBSET and ISSUPERSET (section 9.6.1).

export interface Cidr {
  family: 4 | 6;
  /** The address bits as written (host bits included). */
  address: bigint;
  prefix: number;
}

/** Parses `a.b.c.d`, `a.b.c.d/n`, an IPv6 address or an IPv6 block; undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const isV6 = addressText.includes(':');
  const family = isV6 ? 6 : 4;
  const width = isV6 ? 128 : 32;
  let prefix = width;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!/^(?:0|[1-9]\d{0,2})$/.test(p)) return undefined;
    prefix = Number(p);
    if (prefix > width) return undefined;
  }
  const address = isV6 ? parseIpv6(addressText) : parseIpv4(addressText);
  return address === undefined ? undefined : { family, address, prefix };
}

/** True when some bit after the prefix is set, e.g. 10.0.0.1/8. */
export function hasHostBits(c: Cidr): boolean {
  const width = c.family === 4 ? 32 : 128;
  const hostMask = (1n << BigInt(width - c.prefix)) - 1n;
  return (c.address & hostMask) !== 0n;
}

/** Whether every address in `inner` is in `outer` (identical blocks count as contained). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  const width = outer.family === 4 ? 32 : 128;
  const shift = BigInt(width - outer.prefix);
  return outer.address >> shift === inner.address >> shift;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tail = '';
  const gap = text.indexOf('::');
  if (gap >= 0) {
    if (text.indexOf('::', gap + 1) >= 0) return undefined;
    head = text.slice(0, gap);
    tail = text.slice(gap + 2);
  }
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const groups: number[] = [];
  const all = [...headGroups, ...tailGroups];
  const last = all[all.length - 1];
  let v4Tail: bigint | undefined;
  if (last !== undefined && last.includes('.')) {
    v4Tail = parseIpv4(last);
    if (v4Tail === undefined) return undefined;
    if (tailGroups.length > 0) tailGroups.pop();
    else headGroups.pop();
  }
  const wanted = v4Tail === undefined ? 8 : 6;
  const toNumbers = (g: string[]) => {
    for (const part of g) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return false;
      groups.push(parseInt(part, 16));
    }
    return true;
  };
  if (!toNumbers(headGroups)) return undefined;
  const missing = wanted - headGroups.length - tailGroups.length;
  if (gap >= 0 ? missing < 1 : missing !== 0) return undefined;
  for (let i = 0; i < missing; i++) groups.push(0);
  if (!toNumbers(tailGroups)) return undefined;
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  if (v4Tail !== undefined) value = (value << 32n) | v4Tail;
  return value;
}
