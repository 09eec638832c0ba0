// The writer thread: owns the only writing connection, so imports write while the main thread parses.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { openConnection } from './connection.ts';
import { VersionWriter } from './version-writer.ts';
import type { WriteBatchRows, WriterRequest, WriterResponse } from './writer-protocol.ts';

/** JSON characters one group commit takes at most: puts queued beyond it wait for the next commit. */
const GROUP_CHARS = 8_000_000;

const db = openConnection((workerData as { file: string }).file);
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

type PutRequest = Extract<WriterRequest, { op: 'put' }>;

/**
 * Stores a put together with the puts already queued behind it, in one transaction: many small batches then
 * cost one commit (and one fsync) instead of one each, and the sender may keep its batches small. Returns the
 * first queued request that is not part of the group.
 */
function putGroup(first: PutRequest): WriterRequest | undefined {
  const group = [first];
  let chars = charsOf(first.batch);
  let after: WriterRequest | undefined;
  while (chars < GROUP_CHARS) {
    const next = receiveMessageOnPort(port)?.message as WriterRequest | undefined;
    if (next === undefined) break;
    if (next.op !== 'put') {
      after = next;
      break;
    }
    group.push(next);
    chars += charsOf(next.batch);
  }
  const results = writer.putGroup(group.map((request) => request.batch));
  group.forEach((request, i) => {
    const result = results[i]!;
    port.postMessage(result instanceof Error ? failure(request.ticket, result) : success(request.ticket, result));
  });
  return after;
}

const charsOf = (batch: WriteBatchRows): number => batch.rows.reduce((sum, row) => sum + row.json.length, 0);
const success = (ticket: number, result: unknown): WriterResponse => ({ ticket, ok: true, result });

function failure(ticket: number, err: unknown): WriterResponse {
  const error = err as Error & { code?: string };
  return { ticket, ok: false, error: { name: error.name, message: error.message, ...(error.code ? { code: error.code } : {}) } };
}

port.on('message', (received: WriterRequest) => {
  for (let request: WriterRequest | undefined = received; request !== undefined;) {
    if (request.op === 'put') {
      request = putGroup(request);
      continue;
    }
    let response: WriterResponse;
    try {
      response = success(request.ticket, handle(request));
    } catch (err) {
      response = failure(request.ticket, err);
    }
    port.postMessage(response);
    if (request.op === 'close') {
      port.close();
      return;
    }
    request = undefined;
  }
});
