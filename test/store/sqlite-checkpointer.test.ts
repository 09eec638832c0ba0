// The checkpointer thread copies committed pages from the WAL into the database file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { openConnection } from '../../src/store/sqlite/connection.ts';
import { Checkpointer } from '../../src/store/sqlite/checkpointer.ts';

/** A database whose connection leaves checkpoints to others, with about `bytes` committed to its WAL. */
async function withCommitted(bytes: number, body: (file: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-checkpointer-'));
  const file = join(dir, 'tocsin.db');
  const db = openConnection(file);
  try {
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE filler (text TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
    const row = 'x'.repeat(10_000);
    db.transaction(() => { for (let at = 0; at < bytes; at += row.length) insert.run(row); })();
    await body(file);
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

test('checkpointer: pages committed to the WAL are copied into the database file', () => withCommitted(5_000_000, async (file) => {
  const before = statSync(file).size;
  const checkpointer = new Checkpointer(file);
  checkpointer.committed(5_000_000);
  await checkpointer.close();
  assert.ok(statSync(file).size >= before + 5_000_000, `database file grew from ${before} to ${statSync(file).size} bytes`);
}));

test('checkpointer: small commits leave the WAL to the writer', () => withCommitted(1_000_000, async (file) => {
  const before = statSync(file).size;
  const checkpointer = new Checkpointer(file);
  checkpointer.committed(1_000_000);
  await checkpointer.close();
  assert.equal(statSync(file).size, before);
}));

/** The nice value of each thread of this process, by thread id (Linux). */
function niceOfThreads(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const id of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
      // After the parenthesised name come the fields from the third on; nice is the 19th.
      nice.set(Number(id), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return nice;
}

test('checkpointer: its thread runs at the lowest priority, and the other threads keep theirs', { skip: process.platform !== 'linux' }, () => withCommitted(5_000_000, async (file) => {
  const before = niceOfThreads();
  const checkpointer = new Checkpointer(file);
  checkpointer.committed(5_000_000);
  try {
    // Threads that were there before the checkpointer started are not it.
    let lowered: number[] = [];
    for (let tries = 0; tries < 200 && lowered.length === 0; tries++) {
      await sleep(25);
      lowered = [...niceOfThreads()].filter(([id, nice]) => !before.has(id) && nice === constants.priority.PRIORITY_LOW).map(([id]) => id);
    }
    assert.equal(lowered.length, 1, 'the checkpointer\'s thread is at the lowest priority');
    for (const [id, nice] of niceOfThreads()) {
      if (before.has(id)) assert.equal(nice, before.get(id), `thread ${id} keeps its priority`);
    }
  } finally {
    await checkpointer.close();
  }
}));
