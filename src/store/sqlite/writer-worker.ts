// The writer thread: owns the only writing connection, so imports write while the main thread parses.
import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from './connection.ts';
import { VersionWriter } from './version-writer.ts';
import type { WriterRequest, WriterResponse } from './writer-protocol.ts';

const db = openConnection((workerData as { file: string }).file);
const writer = new VersionWriter(db);

function handle(request: WriterRequest): unknown {
  switch (request.op) {
    case 'put': return writer.put(request.batch);
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

parentPort!.on('message', (request: WriterRequest) => {
  let response: WriterResponse;
  try {
    response = { ticket: request.ticket, ok: true, result: handle(request) };
  } catch (err) {
    const error = err as Error & { code?: string };
    response = { ticket: request.ticket, ok: false, error: { name: error.name, message: error.message, ...(error.code ? { code: error.code } : {}) } };
  }
  parentPort!.postMessage(response);
  if (request.op === 'close') parentPort!.close();
});
