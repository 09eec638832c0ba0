// A process killed with SIGKILL mid-import loses nothing it reported as committed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore, DATABASE_FILE } from '../../src/store/open-store.ts';

const BIN = fileURLToPath(new URL('../../bin/tocsin.mjs', import.meta.url));

async function writeCampaigns(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) {
    const line = JSON.stringify({
      type: 'campaign', spec_version: '2.1', id: `campaign--${randomUUID()}`,
      created: '2020-01-01T00:00:00.000Z', modified: '2020-01-01T00:00:00.000Z',
      name: `campaign ${i}`, description: 'x'.repeat(200),
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

test('objects reported committed survive kill -9 of the importing process', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-crash-'));
  try {
    const input = join(dir, 'campaigns.jsonl');
    await writeCampaigns(input, 60_000);
    const child = spawn(process.execPath, [BIN, 'import', '--report-commits', input], {
      env: { ...process.env, TOCSIN_DATA: join(dir, 'data') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const committed: string[] = [];
    let buffered = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) committed.push(...(JSON.parse(line) as { committed: string[] }).committed);
      if (committed.length >= 3000) child.kill('SIGKILL');
    });
    const [, signal] = await once(child, 'exit');
    assert.equal(signal, 'SIGKILL', 'the import finished before it could be killed: make the input larger');
    assert.ok(committed.length >= 3000);

    const db = new Database(join(dir, 'data', DATABASE_FILE));
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.close();
    const store = await openStore(join(dir, 'data'));
    for (let i = 0; i < committed.length; i += 500) {
      const ids = committed.slice(i, i + 500);
      const { versions } = await store.query({ ids });
      assert.equal(versions.length, ids.length);
    }
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
