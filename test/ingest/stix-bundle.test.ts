import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleId, writeBundle } from '../../src/ingest/stix-bundle.ts';

test('writeBundle writes a bundle JSON.parse reads back, one object per line', async () => {
  const chunks: string[] = [];
  const objects = [
    { type: 'identity', id: 'identity--1' },
    { type: 'identity', id: 'identity--2' },
  ];
  const count = await writeBundle(objects, bundleId('t'), (c) => chunks.push(c));
  const text = chunks.join('');
  assert.equal(count, 2);
  assert.deepEqual(JSON.parse(text), { type: 'bundle', id: bundleId('t'), objects });
  assert.equal(text.split('\n').length, 5);
});

test('writeBundle writes an empty bundle when there are no objects', async () => {
  let text = '';
  await writeBundle([], bundleId('t'), (c) => (text += c));
  assert.deepEqual(JSON.parse(text).objects, []);
});
