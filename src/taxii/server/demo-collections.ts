// The demo API root's collections, created once: a view over the whole knowledge base and a stored collection to post to.
import { randomUUID } from 'node:crypto';
import type { AccessStore } from '../../store/access-store.ts';
import type { CollectionConfig } from '../../access/model.ts';
import { EVERYONE } from '../../access/principals.ts';
import type { HubConfig } from './hub-config.ts';

export const DEMO_ROOT = 'demo';

/** Returns the demo collections (created now or before); none when the configuration has no `demo` API root. */
export async function ensureDemoCollections(access: AccessStore, config: HubConfig): Promise<CollectionConfig[]> {
  if (!config.apiRoots.some((root) => root.path === DEMO_ROOT)) return [];
  const wanted: (Omit<CollectionConfig, 'id'> & { write: boolean })[] = [
    {
      apiRoot: DEMO_ROOT, alias: 'knowledge-base', title: 'Knowledge base', kind: 'view', write: false,
      description: 'Everything the hub holds, as each account is entitled to see it under TLP 2.0',
      audience: [], community: null, defaultTlp: 'green',
    },
    {
      apiRoot: DEMO_ROOT, alias: 'submissions', title: 'Partner submissions', kind: 'stored', write: true,
      description: 'Objects partners post to the hub', audience: [], community: null, defaultTlp: 'amber',
    },
  ];
  const collections: CollectionConfig[] = [];
  for (const { write, ...fields } of wanted) {
    const existing = await access.collection(DEMO_ROOT, fields.alias!);
    if (existing) {
      collections.push(existing);
      continue;
    }
    const collection: CollectionConfig = { id: randomUUID(), ...fields };
    await access.putCollection(collection);
    // Every account of the demo hub may use them; TLP still decides what each one sees.
    await access.grant({ collection: collection.id, principal: EVERYONE, read: true, write });
    collections.push(collection);
  }
  return collections;
}
