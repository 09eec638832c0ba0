// Opens the hub's access data (accounts, rights, collections, feeds) for one command and closes it afterwards.
import type { AccessStore } from '../store/access-store.ts';
import { dataDir } from './data-dir.ts';
import type { Io } from './io.ts';

export async function withAccess<T>(opts: Record<string, unknown>, io: Io, body: (access: AccessStore) => Promise<T>): Promise<T> {
  // Loaded here, not with the command's definition (see open.ts).
  const { openAccessStore } = await import('../store/open-store.ts');
  const access = await openAccessStore(dataDir(opts, io));
  try {
    return await body(access);
  } finally {
    await access.close();
  }
}
