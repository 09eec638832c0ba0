// The identity this hub publishes under: created once per store, remembered in its settings.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.ts';
import type { StixObject } from './advisory.ts';

const SETTING = 'hub-identity';

/** The hub's `identity` object; the first call creates and stores it. */
export async function hubIdentity(store: Store, now: Date = new Date()): Promise<StixObject> {
  const id = await store.getSetting(SETTING);
  if (id !== null) {
    const [version] = await store.get(id);
    if (version) return JSON.parse(version.json) as StixObject;
  }
  const timestamp = now.toISOString();
  const identity: StixObject = {
    type: 'identity',
    spec_version: '2.1',
    id: id ?? `identity--${randomUUID()}`,
    created: timestamp,
    modified: timestamp,
    name: 'Tocsin hub',
    description: 'This Tocsin threat-intelligence hub: the publisher of the advisories written here.',
    identity_class: 'system',
  };
  await store.put([{ object: identity }]);
  await store.setSetting(SETTING, identity.id as string);
  return identity;
}
