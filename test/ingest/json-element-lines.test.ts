import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonElementLines } from '../../src/ingest/json-element-lines.ts';

test('jsonElementLines finds where each record of a nested array starts', () => {
  const text = '{\n  "note": "[{ not an array }]",\n  "addresses": [\n    {"a": [1]},\n    {\n      "b": "}"\n    }\n  ]\n}\n';
  assert.deepEqual(jsonElementLines(text, 2), [4, 5]);
});

test('jsonElementLines reads a top-level array at depth 1', () => {
  assert.deepEqual(jsonElementLines('[\n{},\n{}]', 1), [2, 3]);
});
