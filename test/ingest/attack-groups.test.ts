import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DPRK_GROUPS, groupForMaltrailFile, intrusionSetsByAttackId, resolveGroup } from '../../src/ingest/attack-groups.ts';

const bundle = JSON.parse(
  readFileSync(new URL('../fixtures/ingest/attack/dprk-intrusion-sets.json', import.meta.url), 'utf8'),
) as { objects: unknown[] };

test('the group table holds the intrusion-set ids ATT&CK gives the DPRK groups', () => {
  const ids = intrusionSetsByAttackId(bundle.objects);
  for (const group of DPRK_GROUPS) assert.equal(ids.get(group.attackId), group.stixId, group.name);
});

test('groups resolve by name, alias, ATT&CK id and intrusion-set id', () => {
  assert.equal(resolveGroup('Lazarus Group')?.attackId, 'G0032');
  assert.equal(resolveGroup('hidden cobra')?.attackId, 'G0032');
  assert.equal(resolveGroup('BlueNoroff')?.attackId, 'G0082');
  assert.equal(resolveGroup('g0094')?.name, 'Kimsuky');
  assert.equal(resolveGroup('intrusion-set--39d6890e-7f23-4474-b8ef-e7b0343c5fc8')?.name, 'Andariel');
  assert.equal(resolveGroup('Fancy Bear'), undefined);
});

test('Maltrail file names map to their groups', () => {
  assert.equal(groupForMaltrailFile('apt_lazarus.txt')?.name, 'Lazarus Group');
  assert.equal(groupForMaltrailFile('/tmp/apt_bluenoroff.txt')?.name, 'APT38');
  assert.equal(groupForMaltrailFile('apt_kimsuky.txt')?.name, 'Kimsuky');
  assert.equal(groupForMaltrailFile('android_lazarus.txt')?.name, 'Lazarus Group');
  assert.equal(groupForMaltrailFile('dprk_silivaccine.txt'), undefined);
});
