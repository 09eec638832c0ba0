// `npm run bench -- pattern`: patterns parsed and validated per second on real indicators, and observed-data
// matched per second for representative patterns, each with its ratio to a floor measured in the same run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchPattern, parsePattern, validatePattern } from '../src/pattern/index.ts';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../test/fixtures/pattern/oasis-indicator-patterns.json', import.meta.url));

export default async function bench(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const corpus = loadCorpus();
  const chars = corpus.patterns.reduce((n, p) => n + p.length, 0);
  out(`pattern corpus: ${corpus.patterns.length} patterns, ${(chars / 1e6).toFixed(2)} M characters (${corpus.from})`);

  // Floor: reading every character once, the least any parser must do.
  const readAll = () => {
    let sum = 0;
    for (const p of corpus.patterns) for (let i = 0; i < p.length; i++) sum += p.charCodeAt(i);
    sink(sum);
  };
  const parse = against(corpus.patterns.length, readAll, () => {
    for (const p of corpus.patterns) sink(parsePattern(p));
  });
  const validate = against(corpus.patterns.length, readAll, () => {
    for (const p of corpus.patterns) sink(validatePattern(p));
  });
  out(`  floor (read each character)  ${fmt(parse.floor)} patterns/s`);
  out(`  parsePattern                 ${fmt(parse.rate)} patterns/s   ${parse.ratio.toFixed(1)}× the floor's time`);
  out(`  validatePattern              ${fmt(validate.rate)} patterns/s   ${validate.ratio.toFixed(1)}× the floor's time`);

  const count = quick ? 2_000 : 20_000;
  const objects = generateObservedData(count);
  out(`\nobserved data: ${count} observed-data objects (2.1, object_refs with ${objects.length - count} SCOs alongside)`);
  // Floor: visiting every SCO of every observed-data once through object_refs, the least a matcher must do.
  const byId = new Map<string, Record<string, unknown>>();
  const visitAll = () => {
    byId.clear();
    for (const o of objects) byId.set(o.id as string, o);
    let n = 0;
    for (const o of objects) {
      if (o.type !== 'observed-data') continue;
      for (const ref of o.object_refs as string[]) if (byId.get(ref)?.type === 'ipv4-addr') n++;
    }
    sink(n);
  };
  // Every binding is asked for, so each run scans all observed-data rather than stopping at the first match.
  for (const [name, pattern] of REPRESENTATIVE) {
    let bindings = 0;
    const r = against(count, visitAll, () => {
      bindings = matchPattern(pattern, objects, { maxBindings: 1_000_000 }).bindings.length;
    });
    out(
      `  ${name.padEnd(22)} ${fmt(r.rate)} observed-data/s   ${r.ratio.toFixed(1)}× the floor's time (floor ${fmt(r.floor).trim()}/s)   ${bindings} bindings`,
    );
  }
}

const REPRESENTATIVE: ReadonlyArray<[string, string]> = [
  ['equality', "[ipv4-addr:value = '203.0.113.42']"],
  ['reference traversal', "[network-traffic:dst_ref.value = '203.0.113.9' AND network-traffic:dst_port = 443]"],
  ['ISSUBSET (CIDR)', "[network-traffic:dst_ref.value ISSUBSET '198.51.100.0/24']"],
  ['MATCHES (regex)', "[url:value MATCHES '^https?://host1[0-9]\\\\.example\\\\.net/gate\\\\.php']"],
  ['LIKE', "[domain-name:value LIKE '%.bad-9_.example']"],
  ['IN (100 hashes)', `[file:hashes.MD5 IN (${Array.from({ length: 100 }, (_, i) => `'${md5(i * 97 + 1)}'`).join(', ')})]`],
  [
    'FOLLOWEDBY WITHIN',
    "([domain-name:value = 'c2-17.bad-17.example'] FOLLOWEDBY [url:value = 'http://host18.example.net/gate.php?id=18']) WITHIN 600 SECONDS",
  ],
  ['REPEATS TIMES WITHIN', "[ipv4-addr:value = '10.0.0.7'] REPEATS 3 TIMES WITHIN 3600 SECONDS"],
];

/** Real indicators: the OASIS example patterns, plus patterns built from Maltrail and ESET IOCs as an importer would. */
function loadCorpus(): { patterns: string[]; from: string } {
  const oasis = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { pattern: string }[]).map((p) => p.pattern);
  const maltrail = join(DATA, 'advisories/maltrail-dprk');
  const eset = join(DATA, 'advisories/eset-malware-ioc');
  if (!existsSync(maltrail) || !existsSync(eset)) return { patterns: oasis, from: 'OASIS examples only; ../shared/data not found' };
  const patterns = [...oasis];
  for (const name of readdirSync(maltrail).filter((f) => f.endsWith('.txt'))) {
    for (const line of readFileSync(join(maltrail, name), 'utf8').split('\n')) {
      const ioc = line.trim();
      if (ioc === '' || ioc.startsWith('#')) continue;
      patterns.push(trailPattern(ioc));
    }
  }
  for (const dir of readdirSync(eset, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const [ext, key] of [['md5', 'MD5'], ['sha1', "'SHA-1'"], ['sha256', "'SHA-256'"]] as const) {
      const file = join(eset, dir.name, `samples.${ext}`);
      if (!existsSync(file)) continue;
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const hash = line.trim().split(/\s+/)[0];
        if (hash && /^[0-9a-fA-F]+$/.test(hash)) patterns.push(`[file:hashes.${key} = '${hash.toLowerCase()}']`);
      }
    }
  }
  return { patterns, from: 'OASIS examples, Maltrail DPRK trails, ESET hashes' };
}

function trailPattern(ioc: string): string {
  const quoted = `'${ioc.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  if (/^\d{1,3}(\.\d{1,3}){3}(\/\d+)?$/.test(ioc)) return `[ipv4-addr:value = ${quoted}]`;
  if (ioc.includes('/')) return `[url:value = ${quoted}]`;
  return `[domain-name:value = ${quoted} OR domain-name:value LIKE ${`'%.${ioc.replace(/[\\']/g, (c) => `\\${c}`)}'`}]`;
}

/** Observed-data in the 2.1 form: each references a flow with addresses, a domain, a file and a URL. */
function generateObservedData(count: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const t = new Date(start + i * 37_000).toISOString();
    const id = (type: string, n: number) => `${type}--00000000-0000-4000-8000-${(i * 8 + n).toString(16).padStart(12, '0')}`;
    const src = { type: 'ipv4-addr', id: id('ipv4-addr', 0), value: `10.0.${(i >> 8) & 255}.${i % 13}` };
    const dst = { type: 'ipv4-addr', id: id('ipv4-addr', 1), value: i % 50 === 0 ? `198.51.100.${i % 250}` : `203.0.113.${i % 97}` };
    const flow = {
      type: 'network-traffic',
      id: id('network-traffic', 2),
      src_ref: src.id,
      dst_ref: dst.id,
      dst_port: i % 3 === 0 ? 443 : 80,
      protocols: ['ipv4', 'tcp'],
    };
    const domain = { type: 'domain-name', id: id('domain-name', 3), value: `c2-${i % 1000}.bad-${i % 1000}.example` };
    const file = { type: 'file', id: id('file', 4), name: `sample-${i}.exe`, hashes: { MD5: md5(i % 5000) } };
    const url = { type: 'url', id: id('url', 5), value: `http://host${i % 300}.example.net/gate.php?id=${i}` };
    const scos = [src, dst, flow, domain, file, url];
    out.push({
      type: 'observed-data',
      spec_version: '2.1',
      id: id('observed-data', 6),
      created: t,
      modified: t,
      first_observed: t,
      last_observed: t,
      number_observed: 1,
      object_refs: scos.map((s) => s.id),
    });
    out.push(...scos);
  }
  return out;
}

/** A deterministic 32-hex-digit stand-in for an MD5, so generated files and patterns agree. */
function md5(n: number): string {
  return (n * 2654435761).toString(16).padStart(32, '0').slice(-32);
}

/**
 * Items per second of `run` and of the `floor`, timed alternately (so both see the same machine load), and the
 * median of the per-pair time ratios; one warm-up of each first.
 */
function against(items: number, floor: () => void, run: () => void): { floor: number; rate: number; ratio: number } {
  floor();
  run();
  const floors: number[] = [];
  const runs: number[] = [];
  const ratios: number[] = [];
  for (let k = 0; k < 5; k++) {
    const f = time(floor);
    const r = time(run);
    floors.push(f);
    runs.push(r);
    ratios.push(r / f);
  }
  return { floor: items / median(floors), rate: items / median(runs), ratio: median(ratios) };
}

function time(run: () => void): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

/** Keeps results reachable so the engine cannot skip the work being timed. */
let sunk: unknown;
function sink(v: unknown): void {
  sunk = v;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US').padStart(12);
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}
