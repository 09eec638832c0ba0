// The hub's own STIX identity: where its sightings are made and the publisher of what it writes; one per store.
import { randomUUID } from 'node:crypto';
import type { Store } from './store.ts';

const SETTING = 'hub-identity';

/** The hub's `identity` object; the first call creates it and remembers its id in the store's settings. */
export async function hubIdentity(store: Store, now: Date = new Date()): Promise<Record<string, unknown>> {
  const id = await store.getSetting(SETTING);
  if (id !== null) {
    const [version] = await store.get(id);
    if (version) return JSON.parse(version.json) as Record<string, unknown>;
  }
  const timestamp = now.toISOString();
  const identity = {
    type: 'identity',
    spec_version: '2.1',
    id: id ?? `identity--${randomUUID()}`,
    created: timestamp,
    modified: timestamp,
    name: 'Tocsin hub',
    description: 'This Tocsin threat-intelligence hub: where its sightings are made and the publisher of what it writes.',
    identity_class: 'system',
  };
  await store.put([{ object: identity }]);
  await store.setSetting(SETTING, identity.id);
  return identity;
}
