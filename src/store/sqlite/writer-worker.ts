// The writer thread: owns the only writing connection, so imports write while the main thread parses.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { openConnection } from './connection.ts';
import { VersionWriter } from './version-writer.ts';
import type { WriterRequest, WriterResponse } from './writer-protocol.ts';
import { failure, GroupCommit } from './group-commit.ts';

const db = openConnection((workerData as { file: string }).file);
// The checkpointer thread copies the log into the database file as it grows (see checkpointer.ts); the writer
// checkpoints only when the log passes 64 MiB, which also lets the log start over from its beginning.
db.pragma('wal_autocheckpoint = 8192');
// Each batch of a group is put in a savepoint (see GroupCommit), which copies every page the batch touches
// into a journal of its own: kept in memory, that costs a copy instead of a write to a temporary file.
db.pragma('temp_store = MEMORY');
const writer = new VersionWriter(db);
const port = parentPort!;

function handle(request: Exclude<WriterRequest, { op: 'put' }>): unknown {
  switch (request.op) {
    case 'begin': return writer.begin();
    case 'commit': return writer.commit();
    case 'rollback': return writer.rollback();
    case 'set-setting': return writer.setSetting(request.key, request.value);
    case 'set-recipients': return writer.setRecipients(request.id, request.principals);
    case 'remove': return writer.remove(request.removal);
    case 'index-search': return writer.indexSearch();
    case 'close':
      writer.rollback();
      db.close();
      return undefined;
  }
}

const group = new GroupCommit(writer, (response) => port.postMessage(response));

port.on('message', (received: WriterRequest) => {
  // Requests already queued are taken now, so that puts queued together can share a commit.
  for (let request: WriterRequest | undefined = received; request !== undefined; request = receiveMessageOnPort(port)?.message as WriterRequest | undefined) {
    if (request.op === 'put') {
      group.put(request);
      continue;
    }
    // Whatever comes next sees the puts before it committed.
    group.commit();
    let response: WriterResponse;
    try {
      response = { ticket: request.ticket, ok: true, result: handle(request) };
    } catch (err) {
      response = failure(request.ticket, err);
    }
    port.postMessage(response);
    if (request.op === 'close') {
      port.close();
      return;
    }
  }
  group.idle();
});
