// The ATT&CK intrusion sets of the DPRK groups Tocsin's converters link indicators to, and how names resolve to them.

export interface AttackGroup {
  /** ATT&CK group id, e.g. `G0032`. */
  attackId: string;
  name: string;
  /** The group's `intrusion-set--…` id in ATT&CK (stable across ATT&CK releases). */
  stixId: string;
  /** Lower-case names that also resolve to this group: ATT&CK aliases plus the Maltrail/US-government names. */
  aliases: readonly string[];
}

// Ids read from attack-dprk-subset-18.1.json by each set's `external_references[].external_id`;
// test/ingest/attack-groups.test.ts checks them against a fixture cut from that file.
export const DPRK_GROUPS: readonly AttackGroup[] = [
  {
    attackId: 'G0032',
    name: 'Lazarus Group',
    stixId: 'intrusion-set--c93fccb1-e8e8-42cf-ae33-2ad1d183913a',
    aliases: ['lazarus', 'labyrinth chollima', 'hidden cobra', 'guardians of peace', 'zinc', 'nickel academy', 'diamond sleet'],
  },
  {
    attackId: 'G0082',
    name: 'APT38',
    stixId: 'intrusion-set--00f67a77-86a4-4adf-be26-1a54fc713340',
    aliases: ['nickel gladstone', 'beagleboyz', 'bluenoroff', 'stardust chollima', 'sapphire sleet', 'copernicium'],
  },
  {
    attackId: 'G0094',
    name: 'Kimsuky',
    stixId: 'intrusion-set--0ec2f388-bf0f-4b5c-97b1-fc736d26c25f',
    aliases: ['black banshee', 'velvet chollima', 'emerald sleet', 'thallium', 'apt43', 'ta427', 'springtail'],
  },
  {
    attackId: 'G0138',
    name: 'Andariel',
    stixId: 'intrusion-set--39d6890e-7f23-4474-b8ef-e7b0343c5fc8',
    aliases: ['silent chollima', 'plutonium', 'onyx sleet'],
  },
];

export const LAZARUS_GROUP = DPRK_GROUPS[0]!;

/** Resolves a group by name, alias, ATT&CK id or intrusion-set id (case-insensitive); undefined if unknown. */
export function resolveGroup(nameOrId: string): AttackGroup | undefined {
  const key = nameOrId.trim().toLowerCase();
  return DPRK_GROUPS.find(
    (g) => g.name.toLowerCase() === key || g.attackId.toLowerCase() === key || g.stixId === key || g.aliases.includes(key),
  );
}

// Maltrail names its trail files `<kind>_<actor>.txt`; only the DPRK actors Tocsin knows are mapped.
const MALTRAIL_FILES: Record<string, string> = {
  apt_lazarus: 'G0032',
  android_lazarus: 'G0032',
  apt_bluenoroff: 'G0082',
  apt_apt38: 'G0082',
  apt_kimsuky: 'G0094',
  apt_andariel: 'G0138',
};

/** The group a Maltrail trail file is about, from its base name (`apt_kimsuky.txt` → Kimsuky). */
export function groupForMaltrailFile(fileName: string): AttackGroup | undefined {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.txt$/i, '').toLowerCase();
  const attackId = MALTRAIL_FILES[base];
  return attackId === undefined ? undefined : resolveGroup(attackId);
}

/** Maps ATT&CK ids (`G0032`) to intrusion-set ids for the intrusion sets among `objects` (e.g. an ATT&CK bundle). */
export function intrusionSetsByAttackId(objects: Iterable<unknown>): Map<string, string> {
  const found = new Map<string, string>();
  for (const o of objects) {
    if (typeof o !== 'object' || o === null) continue;
    const obj = o as { type?: unknown; id?: unknown; external_references?: unknown };
    if (obj.type !== 'intrusion-set' || typeof obj.id !== 'string' || !Array.isArray(obj.external_references)) continue;
    for (const ref of obj.external_references as { source_name?: unknown; external_id?: unknown }[]) {
      if (ref.source_name === 'mitre-attack' && typeof ref.external_id === 'string') found.set(ref.external_id, obj.id);
    }
  }
  return found;
}
