// A view's saved filter narrows a client's query and never widens it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrow, viewQuery } from '../../src/access/view-query.ts';

const NOW = Date.parse('2026-01-31T00:00:00.000Z');

test('view: max age becomes added_after that many days back', () => {
  assert.equal(viewQuery({ maxAgeDays: 30 }, NOW).addedAfter, '2026-01-01T00:00:00.000000Z');
});

test('view: types intersect with the client types', () => {
  assert.deepEqual(narrow({ types: ['indicator', 'malware'] }, viewQuery({ types: ['indicator'] }, NOW)).types, ['indicator']);
  assert.deepEqual(narrow({}, viewQuery({ types: ['indicator'] }, NOW)).types, ['indicator']);
});

test('view: the later of client and view added_after wins', () => {
  const view = viewQuery({ maxAgeDays: 30 }, NOW);
  assert.equal(narrow({ addedAfter: '2025-01-01T00:00:00Z' }, view).addedAfter, view.addedAfter);
  assert.equal(narrow({ addedAfter: '2026-01-20T00:00:00Z' }, view).addedAfter, '2026-01-20T00:00:00Z');
});

test('view: created_by and markings are fixed by the view', () => {
  const merged = narrow({}, viewQuery({ createdBy: ['identity--x'], markings: ['marking-definition--y'] }, NOW));
  assert.deepEqual([merged.createdBy, merged.markings], [['identity--x'], ['marking-definition--y']]);
});
