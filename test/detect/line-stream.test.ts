// The line splitter gives the same numbered lines however the input is cut into chunks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lines, type TextLine } from '../../src/detect/input/line-stream.ts';

async function split(chunks: (Buffer | string)[]): Promise<TextLine[]> {
  const out: TextLine[] = [];
  async function* source(): AsyncGenerator<Buffer | string> {
    yield* chunks;
  }
  for await (const batch of lines(source())) out.push(...batch);
  return out;
}

test('lines are the same whatever the chunk boundaries, CRLF and multi-byte characters included', async () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', 'é', '€', ' '), maxLength: 60 });
  await fc.assert(fc.asyncProperty(text, fc.array(fc.nat(70), { maxLength: 6 }), fc.boolean(), async (t, cuts, bytes) => {
    const whole = await split([t]);
    const data = bytes ? Buffer.from(t) : t;
    const at = [...new Set(cuts.map((c) => Math.min(c, data.length)))].sort((a, b) => a - b);
    const chunks: (Buffer | string)[] = [];
    let from = 0;
    for (const c of [...at, data.length]) {
      chunks.push(data.slice(from, c));
      from = c;
    }
    assert.deepEqual(await split(chunks), whole, JSON.stringify(t));
  }), { numRuns: 500 });
});
