// Builds data/demo/ (the feed `npm start` loads) from the shared source data: node --import tsx scripts/build-demo.ts [SOURCE_DIR]
//
// Every output is a pure function of the source files: ids are UUIDv5, dates come from the sources, the
// large Maltrail lists are sampled by a hash of each trail. Rebuilding from the same sources rewrites the
// same bytes, so `git diff data/demo` after a rebuild shows exactly what the sources changed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DPRK_GROUPS, intrusionSetsByAttackId } from '../src/ingest/attack-groups.ts';
import { contestedAttributionObjects } from '../src/ingest/contested-attribution.ts';
import type { MalformedLineError } from '../src/ingest/malformed-line-error.ts';
import { convertMaltrail } from '../src/ingest/maltrail.ts';
import { convertOfacWallets } from '../src/ingest/ofac-wallets.ts';
import { bundleId, writeBundle } from '../src/ingest/stix-bundle.ts';
import type { StixObject } from '../src/ingest/stix-object.ts';
import { convertUsCertCsv } from '../src/ingest/us-cert-csv.ts';
import { validateObject } from '../src/stix/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = resolve(process.argv[2] ?? join(ROOT, '../shared/data'));
const OUT = join(ROOT, 'data/demo');

// Dates of the sources, as the shared data README documents them.
const MALTRAIL_DATE = '2026-11-23T00:00:00.000Z'; // collected from stamparm/maltrail @ 8adace159e1e on this day
const TA17_318B_DATE = '2017-11-21T00:00:00.000Z'; // the advisory's STIX package timestamp (2017-11-21)
const MALTRAIL_COMMIT = '8adace159e1e';

/**
 * Which share of each Maltrail list goes into the demo: enough to show each group's infrastructure while the
 * whole feed stays a few MB. A trail is kept when the first 32 bits of SHA-1(list, trail) fall under the
 * rate, so the choice is stable as lists grow and independent of line order.
 */
const MALTRAIL_LISTS: { file: string; folder: string; rate: number }[] = [
  { file: 'apt_lazarus.txt', folder: 'malware', rate: 1 / 8 },
  { file: 'apt_bluenoroff.txt', folder: 'malware', rate: 1 / 4 },
  { file: 'apt_kimsuky.txt', folder: 'malware', rate: 1 / 100 },
  { file: 'android_lazarus.txt', folder: 'malware', rate: 1 },
  { file: 'dprk_silivaccine.txt', folder: 'suspicious', rate: 1 },
];

function sampled(list: string, rate: number): (value: string) => boolean {
  if (rate >= 1) return () => true;
  return (value) => createHash('sha1').update(`${list}\u001f${value}`).digest().readUInt32BE(0) < rate * 2 ** 32;
}

function read(relative: string): string {
  return readFileSync(join(SOURCE, relative), 'utf8');
}

/** Keeps the first copy of each id (the source identities recur in every list). */
function unique(objects: StixObject[]): StixObject[] {
  const seen = new Set<string>();
  return objects.filter((o) => !seen.has(o.id) && seen.add(o.id));
}

async function emit(name: string, id: string, objects: StixObject[]): Promise<{ name: string; objects: number; bytes: number; types: Record<string, number> }> {
  // The feed must import cleanly on a fresh machine: any validation error stops the build.
  for (const object of objects) {
    for (const p of validateObject(object)) {
      if (p.severity === 'error') throw new Error(`${name} ${object.id}: ${p.path}: ${p.message} [${p.code}]`);
      warnings.set(p.code, (warnings.get(p.code) ?? 0) + 1);
    }
  }
  let text = '';
  await writeBundle(objects, id, (chunk) => (text += chunk));
  writeFileSync(join(OUT, name), text);
  const types: Record<string, number> = {};
  for (const o of objects) types[o.type] = (types[o.type] ?? 0) + 1;
  return { name, objects: objects.length, bytes: Buffer.byteLength(text), types };
}

/** Copies a licence text verbatim; written anew, since the shared copies are read-only and modes would follow a copy. */
function copyLicence(relative: string, name: string): void {
  rmSync(join(OUT, name), { force: true });
  writeFileSync(join(OUT, name), readFileSync(join(SOURCE, relative)));
}

const problems: MalformedLineError[] = [];
const warnings = new Map<string, number>();

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const results = [];

  // ATT&CK: objects unchanged (only whitespace differs), so MITRE's content is carried as published.
  const attack = JSON.parse(read('attack/attack-dprk-subset-18.1.json')) as { id: string; objects: StixObject[] };
  const groups = intrusionSetsByAttackId(attack.objects);
  for (const g of DPRK_GROUPS) {
    if (groups.get(g.attackId) !== g.stixId) throw new Error(`ATT&CK ${g.attackId} is ${groups.get(g.attackId)}, expected ${g.stixId}`);
  }
  results.push(await emit('attack-dprk.json', attack.id, attack.objects));

  const maltrail: StixObject[] = [];
  for (const list of MALTRAIL_LISTS) {
    const conversion = convertMaltrail(read(`advisories/maltrail-dprk/${list.file}`), {
      file: list.file,
      date: MALTRAIL_DATE,
      sourceUrl: `https://github.com/stamparm/maltrail/blob/${MALTRAIL_COMMIT}/trails/static/${list.folder}/${list.file}`,
      include: sampled(list.file, list.rate),
    });
    problems.push(...conversion.skipped);
    maltrail.push(...conversion.objects);
  }
  results.push(await emit('maltrail-dprk.json', bundleId('demo maltrail-dprk'), unique(maltrail)));

  const usCert = convertUsCertCsv(read('advisories/us-cert-hidden-cobra/TA-17-318B-IOCs.csv'), {
    file: 'TA-17-318B-IOCs.csv',
    date: TA17_318B_DATE,
  });
  problems.push(...usCert.skipped);
  results.push(await emit('us-cert-hidden-cobra-ta17-318b.json', bundleId('demo us-cert TA17-318B'), usCert.objects));

  const wallets = convertOfacWallets(read('sanctions/ofac-sdn/sdn-digital-currency-addresses.json'), {
    file: 'sdn-digital-currency-addresses.json',
    program: 'DPRK',
  });
  problems.push(...wallets.skipped);
  results.push(await emit('ofac-dprk-wallets.json', bundleId('demo ofac-dprk-wallets'), wallets.objects));

  results.push(await emit('contested-attribution.json', bundleId('demo contested-attribution'), contestedAttributionObjects()));

  copyLicence('attack/LICENSE-ATTACK.txt', 'LICENSE-ATTACK.txt');
  copyLicence('advisories/maltrail-dprk/LICENSE', 'LICENSE-MALTRAIL.txt');

  for (const p of problems) process.stderr.write(`skipped ${p.message}\n`);
  let total = 0;
  for (const r of results) {
    total += r.bytes;
    const types = Object.entries(r.types).map(([t, n]) => `${t} ${n}`).join(', ');
    process.stdout.write(`${r.name}: ${r.objects} objects, ${r.bytes} bytes (${types})\n`);
  }
  process.stdout.write(`total ${total} bytes\n`);
  process.stdout.write(`validation warnings: ${[...warnings].map(([code, n]) => `${code} ×${n}`).join(', ') || 'none'}\n`);
}

await main();
