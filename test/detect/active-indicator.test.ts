import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { activeIndicator } from '../../src/detect/active-indicator.ts';
import { parsePattern, validatePattern } from '../../src/pattern/index.ts';

const load = (pattern: string) => activeIndicator({ type: 'indicator', id: 'indicator--00000000-0000-4000-8000-000000000001', pattern, pattern_type: 'stix' });

test('simple equality patterns read without the parser give the tree and verdict the parser and checker give', () => {
  const type = fc.constantFrom('ipv4-addr', 'domain-name', 'url', 'network-traffic', 'file', 'x509-certificate', 'cryptocurrency-wallet', 'x-custom', 'and');
  const property = fc.constantFrom('value', 'dst_port', 'name', 'protocols', 'serial_number', 'x', 'AND', 'like');
  const text = fc.string({ unit: fc.constantFrom('a', '.', "'", '\\', 'é', ' ', ']', '%') });
  const escape = (s: string): string => s.replace(/[\\']/g, (c) => `\\${c}`);
  fc.assert(fc.property(type, property, text, fc.boolean(), (t, p, v, escaped) => {
    const pattern = `[${t}:${p} = '${escaped ? escape(v) : v}']`;
    const r = load(pattern);
    const valid = validatePattern(pattern).every((d) => d.severity !== 'error');
    assert.equal('parsed' in r, valid, pattern);
    if ('parsed' in r) assert.deepEqual(r.parsed, parsePattern(pattern, { positions: false }));
  }), { numRuns: 2000 });
});
