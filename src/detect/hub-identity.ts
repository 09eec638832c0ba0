// The hub's own identity (where sightings happen), shared with the rest of the hub through one store setting.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.ts';

/** The same setting src/advisory/hub-identity.ts uses, so the hub has one identity whoever creates it first. */
const SETTING = 'hub-identity';

export async function hubIdentityId(store: Store, now: Date = new Date()): Promise<string> {
  const id = await store.getSetting(SETTING);
  if (id !== null && (await store.get(id)).length > 0) return id;
  const timestamp = now.toISOString();
  const identity = {
    type: 'identity',
    spec_version: '2.1',
    id: id ?? `identity--${randomUUID()}`,
    created: timestamp,
    modified: timestamp,
    name: 'Tocsin hub',
    description: 'This Tocsin threat-intelligence hub: where its sightings were made and the publisher of what it writes.',
    identity_class: 'system',
  };
  await store.put([{ object: identity }]);
  await store.setSetting(SETTING, identity.id);
  return identity.id;
}
