// Converts a Maltrail static trail list into STIX 2.1 indicators that `indicate` the group the list is about.
import { groupForMaltrailFile } from './attack-groups.ts';
import { deterministicId } from './deterministic-id.ts';
import { MalformedLineError } from './malformed-line-error.ts';
import { parseTrail, TrailFormatError } from './maltrail-trail.ts';
import { MALTRAIL_IDENTITY } from './source-identities.ts';
import { sdoHeader, type Conversion, type StixObject } from './stix-object.ts';

export interface MaltrailOptions {
  /** The list's file name (`apt_lazarus.txt`): names the source in ids and error reports. */
  file: string;
  /** RFC 3339 timestamp of the list (its commit or download date): `created`, `modified` and `valid_from`. */
  date: string;
  /**
   * The id of the object the trails indicate (an `intrusion-set--…`). Omitted: the group the file name
   * names (`apt_kimsuky` → Kimsuky); null: no `indicates` relationships.
   */
  target?: string | null;
  /** Where the list can be read; defaults to the Maltrail repository. */
  sourceUrl?: string;
  /** Keeps only the trails for which this returns true (deterministic sampling for the demo feed). */
  include?: (value: string) => boolean;
}

const REFERENCE = /^#\s*Refere\w*:\s*(.*)$/i;

interface Reference {
  source_name: string;
  url?: string;
  description?: string;
}

function reference(text: string): Reference | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const [first = '', ...more] = trimmed.split(/\s+/);
  // Notes after the address are usually a language in parentheses: "(Korean)".
  const note = more.join(' ').replace(/^\((.*)\)$/, '$1');
  const url = URL.canParse(first) ? new URL(first) : null;
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return { source_name: 'maltrail-reference', description: trimmed };
  }
  return { source_name: url.hostname.replace(/^www\./, ''), url: first, ...(note ? { description: note } : {}) };
}

/**
 * Streams the objects for a trail list, line by line: the Maltrail identity first, then per trail an
 * indicator and (when there is a target) its `indicates` relationship. Each trail carries the
 * `# Reference:` lines of the block it sits in. A repeated trail keeps its first block's references.
 */
export function* maltrailObjects(
  lines: Iterable<string>,
  options: MaltrailOptions,
  onSkip: (error: MalformedLineError) => void,
): Generator<StixObject> {
  const target = options.target === undefined ? (groupForMaltrailFile(options.file)?.stixId ?? null) : options.target;
  const source = options.file.replace(/^.*[\\/]/, '');
  const sourceRef: Reference = {
    source_name: 'maltrail',
    url: options.sourceUrl ?? 'https://github.com/stamparm/maltrail',
    description: `Maltrail trail list ${source}`,
  };
  yield MALTRAIL_IDENTITY;

  let references: Reference[] = [];
  let blockHasTrails = false;
  const seen = new Set<string>();
  let lineNumber = 0;
  for (const raw of lines) {
    lineNumber += 1;
    const text = raw.trim();
    if (text === '') continue;
    if (text.startsWith('#')) {
      const m = REFERENCE.exec(text);
      if (m === null) continue;
      if (blockHasTrails) {
        references = [];
        blockHasTrails = false;
      }
      const ref = reference(m[1]!);
      if (ref !== null) references.push(ref);
      continue;
    }
    blockHasTrails = true;
    let trail;
    try {
      trail = parseTrail(text);
    } catch (err) {
      if (!(err instanceof TrailFormatError)) throw err;
      onSkip(new MalformedLineError(options.file, lineNumber, raw, err.reason));
      continue;
    }
    if (seen.has(trail.value)) continue;
    seen.add(trail.value);
    if (options.include !== undefined && !options.include(trail.value)) continue;

    const indicatorId = deterministicId('indicator', 'maltrail', source, trail.value);
    yield {
      ...sdoHeader('indicator', indicatorId, MALTRAIL_IDENTITY.id, options.date),
      name: trail.value,
      description: `Listed in Maltrail's ${source}.`,
      indicator_types: target === null ? ['malicious-activity'] : ['malicious-activity', 'attribution'],
      pattern: trail.pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: options.date,
      external_references: [sourceRef, ...references],
    };
    if (target !== null) {
      const relationshipId = deterministicId('relationship', 'maltrail', source, trail.value, 'indicates', target);
      yield {
        ...sdoHeader('relationship', relationshipId, MALTRAIL_IDENTITY.id, options.date),
        relationship_type: 'indicates',
        source_ref: indicatorId,
        target_ref: target,
      };
    }
  }
}

/** Converts a whole list held in memory. */
export function convertMaltrail(text: string, options: MaltrailOptions): Conversion {
  const skipped: MalformedLineError[] = [];
  const objects = [...maltrailObjects(text.split(/\r?\n/), options, (e) => skipped.push(e))];
  return { objects, skipped };
}
