import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BundleSplitter, SplitError, type Element } from '../../src/ingest/bundle-splitter.ts';

function split(text: string, chunkSizes: number[] = [text.length + 1]): { elements: Element[]; splitter: BundleSplitter } {
  const bytes = Buffer.from(text);
  const splitter = new BundleSplitter();
  const elements: Element[] = [];
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]!);
    elements.push(...splitter.push(bytes.subarray(at, at + size)));
    at += size;
  }
  splitter.end();
  return { elements, splitter };
}

test('splitter yields each object of a bundle and keeps the envelope', () => {
  const { elements, splitter } = split('{"type":"bundle","id":"bundle--1","objects":[{"a":1},{"b":[2,{"c":"]}"}]}]}');
  assert.deepEqual(elements.map((e) => JSON.parse(e.text)), [{ a: 1 }, { b: [2, { c: ']}' }] }]);
  assert.deepEqual(splitter.envelope, { type: 'bundle', id: 'bundle--1' });
});

test('splitter keeps envelope members that follow the objects array', () => {
  const { splitter } = split('{"objects":[{"a":1}],"type":"bundle","id":"bundle--2"}');
  assert.deepEqual(splitter.envelope, { type: 'bundle', id: 'bundle--2' });
});

test('splitter yields the elements of a top-level array', () => {
  const { elements } = split('[ {"a":1} ,\n {"b":2} ]');
  assert.deepEqual(elements.map((e) => JSON.parse(e.text)), [{ a: 1 }, { b: 2 }]);
  assert.deepEqual(elements.map((e) => e.line), [1, 2]);
});

test('splitter yields a single top-level object whole', () => {
  const { elements, splitter } = split('{"type":"campaign","id":"campaign--1","x":{"objects":[1]}}');
  assert.equal(elements.length, 1);
  assert.deepEqual(JSON.parse(elements[0]!.text), { type: 'campaign', id: 'campaign--1', x: { objects: [1] } });
  assert.equal(elements[0]!.index, -1);
  assert.equal(splitter.envelope, null);
});

test('splitter reports the line each object starts on', () => {
  const { elements } = split('{\n "objects": [\n  {"a": 1},\n  {\n   "b": 2\n  }\n ]\n}');
  assert.deepEqual(elements.map((e) => e.line), [3, 4]);
});

test('splitter counts the lines of an object that spans several towards the objects after it', () => {
  const { elements } = split('{"objects": [{\n "a": [\n  {"b": 1},\n  2\n ]\n}, {"c": 3},\n{"d": 4}]}');
  assert.deepEqual(elements.map((e) => e.line), [1, 6, 7]);
});

test('splitter is not fooled by escaped quotes and backslashes in strings', () => {
  const text = '{"objects":[{"s":"a\\"],}{\\\\"},{"t":"\\\\\\\\"}]}';
  const { elements } = split(text, [1]);
  assert.deepEqual(elements.map((e) => JSON.parse(e.text)), [{ s: 'a"],}{\\' }, { t: '\\\\' }]);
});

test('splitter passes malformed elements through for the importer to reject', () => {
  const { elements } = split('{"objects":[{"a":tru},{"b":2}]}');
  assert.equal(elements.length, 2);
  assert.throws(() => JSON.parse(elements[0]!.text));
  assert.deepEqual(JSON.parse(elements[1]!.text), { b: 2 });
});

test('splitter reports a truncated bundle with the unclosed object and line', () => {
  const splitter = new BundleSplitter();
  splitter.push(Buffer.from('{"objects":[{"a":1},\n{"b":'));
  assert.throws(() => splitter.end(), (err: unknown) => err instanceof SplitError && /object 1 starting on line 2 is not closed/.test(err.message));
});

test('splitter rejects input that is not JSON', () => {
  assert.throws(() => split('hello'), SplitError);
  assert.throws(() => split('   '), SplitError);
});

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ unit: 'grapheme' }), fc.integer(), fc.boolean(), fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('value'), { maxKeys: 4, noNullPrototype: true })),
})).value;

test('splitter yields exactly the objects of any bundle, whatever the chunking', () => {
  fc.assert(fc.property(
    fc.array(fc.dictionary(fc.string({ unit: 'grapheme' }), jsonValue, { maxKeys: 5, noNullPrototype: true }), { maxLength: 6 }),
    fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 5 }),
    fc.boolean(),
    (objects, chunks, pretty) => {
      const bundle = { type: 'bundle', id: 'bundle--x', objects };
      const text = pretty ? JSON.stringify(bundle, null, 2) : JSON.stringify(bundle);
      const { elements, splitter } = split(text, chunks);
      assert.deepEqual(elements.map((e) => JSON.parse(e.text)), objects);
      assert.deepEqual(splitter.envelope, { type: 'bundle', id: 'bundle--x' });
    },
  ), { numRuns: 300 });
});

test('splitter finds where strings full of quotes and backslashes end, whatever the chunking', () => {
  // Long strings full of escapes, and chunks that end anywhere inside them.
  const text = fc.string({ unit: fc.constantFrom('"', '\\', '\\', 'a', '\u00e9', '}', ','), maxLength: 300, size: 'max' });
  fc.assert(fc.property(
    fc.array(fc.dictionary(text, text, { maxKeys: 3, noNullPrototype: true }), { minLength: 1, maxLength: 4 }),
    fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 }),
    (objects, chunks) => {
      const { elements } = split(JSON.stringify({ type: 'bundle', id: 'bundle--x', objects }), chunks);
      assert.deepEqual(elements.map((e) => JSON.parse(e.text)), objects);
    },
  ), { numRuns: 500 });
});

test('splitter reads JSON lines and concatenated documents', () => {
  const { elements } = split('{"a":1}\n{"b":2}\n{"type":"bundle","objects":[{"c":3}]}\n');
  assert.deepEqual(elements.map((e) => JSON.parse(e.text)), [{ a: 1 }, { b: 2 }, { c: 3 }]);
  assert.deepEqual(elements.map((e) => e.line), [1, 2, 3]);
});

test('splitter refuses a chunk before the elements of the one before are all taken', () => {
  const splitter = new BundleSplitter();
  const first = splitter.elements(Buffer.from('[{"a":1},{"b":2},'));
  first.next();
  assert.throws(() => [...splitter.elements(Buffer.from('{"c":3}]'))], /not all taken/);
});
