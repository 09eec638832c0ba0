// The data shaping behind the pages: version changes, object names, and ATT&CK text made readable.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { versionChanges } from '../../src/web-api/version-changes.ts';
import { externalIdOf, nameOf } from '../../src/web-api/summary.ts';
import { readable } from '../../web/src/readable.ts';

describe('version changes', () => {
  it('lists added, removed and changed properties, ignoring modified', () => {
    const before = { name: 'a', labels: ['x'], old: 1, modified: '2020-01-01T00:00:00Z' };
    const after = { name: 'a', labels: ['x', 'y'], fresh: true, modified: '2021-01-01T00:00:00Z' };
    assert.deepEqual(versionChanges(before, after), [
      { property: 'fresh', kind: 'added', after: true },
      { property: 'labels', kind: 'changed', before: ['x'], after: ['x', 'y'] },
      { property: 'old', kind: 'removed', before: 1 },
    ]);
  });
});

describe('object names', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ type: 'intrusion-set', name: 'Lazarus Group' }, 'Lazarus Group'],
    [{ type: 'ipv4-addr', value: '198.51.100.7' }, '198.51.100.7'],
    [{ type: 'relationship', relationship_type: 'uses' }, 'uses'],
    [{ type: 'opinion', opinion: 'disagree' }, 'disagree'],
    [{ type: 'sighting', count: 4 }, 'sighting (4×)'],
    [{ type: 'note' }, 'note'],
  ];
  for (const [object, name] of cases) it(`names a ${String(object.type)} "${name}"`, () => assert.equal(nameOf(object), name));
  it('takes the catalogue id, not CAPEC', () => {
    assert.equal(externalIdOf({ external_references: [{ source_name: 'capec', external_id: 'CAPEC-1' }, { source_name: 'mitre-attack', external_id: 'T1566' }] }), 'T1566');
  });
});

describe('readable ATT&CK text', () => {
  const cases: [string, string][] = [
    ['[Lazarus Group](https://attack.mitre.org/groups/G0032) is a group.(Citation: US-CERT)', 'Lazarus Group is a group.'],
    ['used by [Lazarus Gro', 'used by Lazarus Gro'],
    ['used by [Lazarus Group](https://attack.mi', 'used by Lazarus Group'],
    ['runs <code>cmd.exe</code>', 'runs cmd.exe'],
  ];
  for (const [input, output] of cases) it(`reads ${JSON.stringify(input)}`, () => assert.equal(readable(input), output));
});
