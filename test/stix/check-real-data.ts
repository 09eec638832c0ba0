// Not a test: validates the real corpora in ../shared/data and times validation against JSON.parse.
// Run: node --import tsx test/stix/check-real-data.ts [DATA_DIR]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validateBundle, validateObject, type Problem } from '../../src/stix/index.ts';

const dataDir = process.argv[2] ?? join(import.meta.dirname, '../../../shared/data');

function summarise(label: string, problems: Problem[]): number {
  const byCode = new Map<string, number>();
  let errors = 0;
  for (const p of problems) {
    const key = `${p.severity} ${p.code}`;
    byCode.set(key, (byCode.get(key) ?? 0) + 1);
    if (p.severity === 'error') errors++;
  }
  console.log(`${label}: ${errors} errors, ${problems.length - errors} warnings`);
  for (const [k, n] of [...byCode].sort()) console.log(`  ${k}: ${n}`);
  return errors;
}

// ATT&CK Enterprise: correctness and speed.
const attackPath = join(dataDir, 'attack/enterprise-attack-18.1.json');
const text = readFileSync(attackPath, 'utf8');
// Each round parses a fresh copy and validates it once, as an import would: no string hashes or caches carried
// over from validating the very same objects. Round 1 also pays for JIT warm-up (a fresh process's cost).
const parseRuns: number[] = [];
const validateRuns: number[] = [];
let bundle: { objects: unknown[] } = { objects: [] };
let problems: Problem[] = [];
for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  bundle = JSON.parse(text);
  const t1 = performance.now();
  problems = [];
  for (const obj of bundle.objects) {
    const found = validateObject(obj);
    for (const p of found) problems.push(p);
  }
  const t2 = performance.now();
  parseRuns.push(t1 - t0);
  validateRuns.push(t2 - t1);
}
console.log(`cold (first round): JSON.parse ${parseRuns[0]!.toFixed(1)} ms, validation ${validateRuns[0]!.toFixed(1)} ms`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const parseMs = median(parseRuns.slice(1));
const validateMs = median(validateRuns.slice(1));
let errors = summarise(`ATT&CK Enterprise (${bundle.objects.length} objects)`, problems);
for (const p of problems.filter((x) => x.severity === 'error').slice(0, 10)) console.log('   ', JSON.stringify(p));
console.log(`warm (median of rounds 2-6): JSON.parse ${parseMs.toFixed(1)} ms, validateObject over all objects ${validateMs.toFixed(1)} ms, ratio ${(validateMs / parseMs).toFixed(3)}`);

// Streaming shape, as an importer sees objects: each object parsed from its own text and validated at once
// (cache-hot). Validation cost = (parse + validate) - parse, in process CPU time, against whole-file JSON.parse.
const texts = bundle.objects.map((o) => JSON.stringify(o));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// Minimum over rounds: the least disturbed by other processes and by GC debt from earlier rounds.
let parseOnlyMin = Infinity;
let bothMin = Infinity;
let wholeMin = Infinity;
for (let i = 0; i < 7; i++) {
  let t0 = cpu();
  for (const t of texts) JSON.parse(t);
  parseOnlyMin = Math.min(parseOnlyMin, cpu() - t0);
  t0 = cpu();
  for (const t of texts) validateObject(JSON.parse(t));
  bothMin = Math.min(bothMin, cpu() - t0);
  t0 = cpu();
  JSON.parse(text);
  wholeMin = Math.min(wholeMin, cpu() - t0);
}
console.log(`streaming (min of 7): parse per object ${parseOnlyMin.toFixed(1)} ms, parse+validate ${bothMin.toFixed(1)} ms, ` +
  `so validation ${(bothMin - parseOnlyMin).toFixed(1)} ms vs whole-file JSON.parse ${wholeMin.toFixed(1)} ms: ` +
  `ratio ${((bothMin - parseOnlyMin) / wholeMin).toFixed(2)}`);

// OASIS examples: every JSON file that is a bundle or a single object (interop/ holds JSON Schemas, not STIX).
function* jsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'interop') yield* jsonFiles(full);
    } else if (name.endsWith('.json')) yield full;
  }
}
const oasis: Problem[] = [];
for (const file of jsonFiles(join(dataDir, 'stix-examples'))) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const found = doc.type === 'bundle' ? validateBundle(doc) : validateObject(doc);
  for (const p of found) {
    oasis.push(p);
    console.log(`  ${file.slice(dataDir.length + 1)}: ${p.severity} ${p.code} ${p.path} ${p.message}`);
  }
}
errors += summarise('OASIS examples', oasis);
process.exitCode = errors === 0 ? 0 : 1;
