// A fresh SQLite store in a temp directory holding the advisory fixture bundle, and the fixture's ids by role.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

export const FIXTURE = fileURLToPath(new URL('../fixtures/advisory/dprk-bank-heist.json', import.meta.url));

export const IDS = {
  cert: 'identity--4902f234-f5e2-47d4-a3c1-c817dee9b686',
  bank: 'identity--4921fecf-f290-49b3-9572-0ed1d4befec7',
  lazarus: 'intrusion-set--2fcc3fa0-d8e3-427d-afb3-0988b188bf2f',
  heist: 'campaign--37eb7983-b0f2-4cae-b214-4a56753f02b8',
  t1566: 'attack-pattern--364c7f34-281a-4385-ad65-3daddcacccec',
  fallchill: 'malware--b6db34d2-e06a-4dda-af73-a7ee72ac8a2e',
  userTraining: 'course-of-action--c1bf5702-7a6d-4005-846d-8a722c058600',
  ipIndicator: 'indicator--ba5e439a-ee76-49ba-a360-71053de2299b',
  amberIndicator: 'indicator--bc974d11-0925-4b8a-af70-7083cd3912e3',
  amberIndicates: 'relationship--e3d0d893-0f89-4e1a-8745-14cc128d2bcb',
  extraIndicator: 'indicator--47161111-bd86-4b47-9d2c-c5cf1e8ee5b7',
  attribution: 'relationship--59ff3b01-288a-406b-bbe6-653f2ddaa36b',
  report: 'report--b87f55f8-3bab-481a-9a88-648446b8792f',
  denial: 'opinion--3baae13c-61b2-47a9-9584-61a0d5272f5f',
  agreement: 'opinion--2eb2a90d-490d-4beb-9524-feb7c3044b69',
} as const;

export function fixtureObjects(): Record<string, unknown>[] {
  return (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { objects: Record<string, unknown>[] }).objects;
}

export interface FixtureStore {
  store: Store;
  dir: string;
  close(): Promise<void>;
}

/** Opens a store in a new temp directory with the fixture loaded; `close` removes the directory. */
export async function fixtureStore(): Promise<FixtureStore> {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-advisory-'));
  const store = await openStore(dir);
  await store.put(fixtureObjects().map((object) => ({ object })));
  return {
    store,
    dir,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
