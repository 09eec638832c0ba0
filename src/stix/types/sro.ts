// §5 STIX Relationship Objects: relationship and sighting property tables.
import { defineType } from './common.ts';
import { bool, int, list, ref, shape, str, timestamp, type TypeSpec } from './model.ts';

export const SRO_TYPES: readonly TypeSpec[] = [
  defineType('sro', 'relationship', '5.1', shape('relationship', '5.1',
    { relationship_type: str, source_ref: ref(), target_ref: ref() },
    { description: str, start_time: timestamp, stop_time: timestamp })),
  defineType('sro', 'sighting', '5.2', shape('sighting', '5.2',
    { sighting_of_ref: ref() },
    {
      description: str, first_seen: timestamp, last_seen: timestamp, count: int(0, 999_999_999, '5.2'),
      observed_data_refs: list(ref('observed-data')), where_sighted_refs: list(ref('identity', 'location')),
      summary: bool,
    })),
];
