// Opens the store of the chosen data directory for one command and closes it afterwards.
import type { Store } from '../store/store.ts';
import { openStore } from '../store/open-store.ts';
import { dataDir } from './data-dir.ts';
import type { Io } from './io.ts';

export async function withStore<T>(opts: Record<string, unknown>, io: Io, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(dataDir(opts, io));
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}
