import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const SRC = resolve(import.meta.dirname, '../../src');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (full.endsWith('.ts')) yield full;
  }
}

test('src/stix imports nothing but itself, src/pattern and node builtins', () => {
  const offenders: string[] = [];
  for (const file of files(join(SRC, 'stix'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*from\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('node:')) continue;
      if (!spec.startsWith('.')) {
        offenders.push(`${relative(SRC, file)} -> ${spec}`);
        continue;
      }
      const target = relative(SRC, resolve(dirname(file), spec));
      if (!target.startsWith('stix/') && !target.startsWith('pattern/')) offenders.push(`${relative(SRC, file)} -> ${target}`);
    }
  }
  assert.deepEqual(offenders, []);
});
