import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandTelemetry } from '../../src/detect/input/telemetry-inputs.ts';
import { newReadStats, readTelemetry } from '../../src/detect/telemetry-reader.ts';
import { FIXTURES } from './read-events.ts';

test('--follow reads appended lines and carries on across a rotation', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-follow-'));
  const log = join(dir, 'conn.log');
  const [header, ...rest] = splitHeader(readFileSync(join(FIXTURES, 'zeek', 'conn.log'), 'utf8'));
  writeFileSync(log, header + rest[0]);
  const stop = new AbortController();
  const stats = newReadStats();
  const it = readTelemetry(expandTelemetry([log]), { follow: stop.signal }, stats)[Symbol.asyncIterator]();
  try {
    const first = await it.next();
    assert.equal(first.value[0].time, 1763632800.1);
    appendFileSync(log, rest[1]!);
    const second = await it.next();
    assert.equal(second.value[0].time, 1763632801.25);
    // Rotation: the old file moves away and a new one, with its own header, takes its name.
    renameSync(log, `${log}.1`);
    writeFileSync(log, header + rest[2]);
    const third = await it.next();
    assert.equal(third.value[0].time, 1763632802);
    assert.equal(third.value[0].line, 9);
    stop.abort();
    assert.equal((await it.next()).done, true);
    assert.equal(stats.malformed, 0);
  } finally {
    stop.abort();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The header lines as one string, then each record line (with its newline). */
function splitHeader(text: string): string[] {
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#close'));
  const header = lines.filter((l) => l.startsWith('#')).map((l) => `${l}\n`).join('');
  return [header, ...lines.filter((l) => !l.startsWith('#')).map((l) => `${l}\n`)];
}
