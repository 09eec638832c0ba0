import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES as VALIDATION_RULES } from '../src/stix/index.ts';
import { INPUT_RULES } from '../src/ingest/parse-incoming.ts';

const DOC = readFileSync(join(import.meta.dirname, '../docs/errors.md'), 'utf8');
const RULES: Record<string, { severity: string; spec: string }> = { ...VALIDATION_RULES, ...INPUT_RULES };

/** Each `### \`code\`` heading followed by a `severity · §section` line. */
function documented(): Map<string, { severity: string; spec: string }> {
  const out = new Map<string, { severity: string; spec: string }>();
  const lines = DOC.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^### `([a-z0-9-]+)`$/.exec(lines[i]!);
    if (!m) continue;
    const meta = /^(error|warning) · §([\d.]+)$/.exec(lines[i + 1] ?? '');
    assert.ok(meta, `code ${m[1]} in docs/errors.md needs a "severity · §section" line under its heading`);
    out.set(m[1]!, { severity: meta[1]!, spec: meta[2]! });
  }
  return out;
}

test('docs/errors.md documents exactly the codes of the validation and input catalogs', () => {
  assert.deepEqual([...documented().keys()].sort(), Object.keys(RULES).sort());
});

test('docs/errors.md states the same severity and section as the catalog', () => {
  for (const [code, doc] of documented()) {
    const rule = RULES[code]!;
    assert.equal(doc.severity, rule.severity, code);
    assert.equal(doc.spec, rule.spec, code);
  }
});

test('every documented code explains how to fix it', () => {
  const sections = DOC.split(/^### /m).slice(1);
  for (const s of sections) assert.match(s, /\*\*Fix:\*\*/, s.split('\n')[0]);
});
