// Opens the store of the chosen data directory for one command and closes it afterwards.
import type { Store } from '../store/store.ts';
import { dataDir } from './data-dir.ts';
import type { Io } from './io.ts';

export async function withStore<T>(opts: Record<string, unknown>, io: Io, body: (store: Store) => Promise<T>): Promise<T> {
  // Loaded here, not with the command's definition: `tocsin --help` has no use for the database driver.
  const { openStore } = await import('../store/open-store.ts');
  const store = await openStore(dataDir(opts, io));
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}
