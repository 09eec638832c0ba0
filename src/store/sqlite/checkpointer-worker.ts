// The checkpointer thread: copies committed pages from the WAL into the database file while the writer goes on.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { openConnection } from './connection.ts';
import type { CheckpointerRequest } from './checkpointer.ts';
import { runAtLowestPriority } from './background-priority.ts';

// Its copies are early work (see checkpointer.ts): while an import keeps every core busy, the threads it waits
// for go first, and this one copies when a core is left idle.
runAtLowestPriority();

const db = openConnection((workerData as { file: string }).file);
const port = parentPort!;

port.on('message', (received: CheckpointerRequest) => {
  // Requests that queued up while a checkpoint ran are served by one more checkpoint, not one each.
  let closing = received === 'close';
  for (let next = receiveMessageOnPort(port); next !== undefined; next = receiveMessageOnPort(port)) {
    if ((next.message as CheckpointerRequest) === 'close') closing = true;
  }
  // PASSIVE: copies what no reader still needs, without waiting for readers or the writer.
  db.pragma('wal_checkpoint(PASSIVE)');
  if (closing) {
    db.close();
    port.close();
  }
});
