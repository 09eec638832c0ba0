// The vocabulary of the model tables: property kinds (§2 data types) and the shape of an object-type entry.

export type Category = 'sdo' | 'sro' | 'sco' | 'meta' | 'bundle';

export interface Vocabulary {
  /** Spec name, e.g. `malware-type-ov` or `opinion-enum`. */
  readonly name: string;
  /** Spec section, e.g. `10.15`. */
  readonly section: string;
  readonly values: ReadonlySet<string>;
}

export type Kind =
  | { readonly kind: 'string' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number; readonly section?: string }
  | { readonly kind: 'float'; readonly min?: number; readonly max?: number; readonly section?: string }
  /** `ms`: the property needs at least millisecond precision (§3.2 created/modified). */
  | { readonly kind: 'timestamp'; readonly ms: boolean }
  /** An identifier; `targets` null means any object type; `section` where the target rule is stated. */
  | { readonly kind: 'ref'; readonly targets: readonly string[] | null; readonly section?: string }
  | { readonly kind: 'list'; readonly of: Kind }
  | { readonly kind: 'enum'; readonly vocab: Vocabulary }
  | { readonly kind: 'vocab'; readonly vocab: Vocabulary }
  | { readonly kind: 'hashes' }
  | { readonly kind: 'dictionary'; readonly values?: Kind }
  | { readonly kind: 'binary' }
  | { readonly kind: 'hex' }
  | { readonly kind: 'kill-chain-phase' }
  | { readonly kind: 'external-reference' }
  | { readonly kind: 'granular-marking' }
  | { readonly kind: 'extensions' }
  | { readonly kind: 'object'; readonly shape: Shape }
  /** Any JSON value (e.g. the deprecated observable container, a marking's free-form definition). */
  | { readonly kind: 'any' };

/** A set of properties with their kinds, and which of them are required. */
export interface Shape {
  /** Human name used in messages, e.g. `external-reference`, `ntfs-ext`. */
  readonly name: string;
  readonly section: string;
  readonly props: ReadonlyMap<string, Kind>;
  readonly required: readonly string[];
}

/** A property of a type with its top-level JSON path precomputed (`$.name`), so validation builds no strings. */
export interface PropEntry {
  readonly kind: Kind;
  readonly path: string;
  readonly required: boolean;
}

export interface TypeSpec extends Shape {
  readonly type: string;
  /** `props` again, with paths: what the validator's hot loop looks up. */
  readonly entries: ReadonlyMap<string, PropEntry>;
  readonly category: Category;
  /** Common properties that are "Not Applicable" for this type (§3.2 table). */
  readonly notApplicable: ReadonlySet<string>;
  /** Predefined extensions (§3.10) by key, SCOs only. */
  readonly extensions?: ReadonlyMap<string, Shape>;
}

interface KindFields {
  min?: number;
  max?: number;
  section?: string;
  ms?: boolean;
  targets?: readonly string[] | null;
  of?: Kind;
  vocab?: Vocabulary;
  values?: Kind;
  shape?: Shape;
}

/**
 * Every Kind object is built here, with the same fields in the same order whatever its kind, so the validator's
 * property reads on kinds stay monomorphic (one hidden class) instead of going megamorphic.
 */
function make(kind: Kind['kind'], f: KindFields = {}): Kind {
  const k = {
    kind, min: f.min, max: f.max, section: f.section, ms: f.ms ?? false, targets: f.targets ?? null, of: f.of,
    vocab: f.vocab, values: f.values, shape: f.shape,
  };
  return k as unknown as Kind;
}

// Builders: one immutable Kind per use, created once at module load.
export const str: Kind = make('string');
export const bool: Kind = make('boolean');
export const anyValue: Kind = make('any');
export const hashes: Kind = make('hashes');
export const binary: Kind = make('binary');
export const hex: Kind = make('hex');
export const dict: Kind = make('dictionary');
export const killChainPhase: Kind = make('kill-chain-phase');
export const externalReference: Kind = make('external-reference');
export const granularMarking: Kind = make('granular-marking');
export const extensions: Kind = make('extensions');
export const timestamp: Kind = make('timestamp', { ms: false });
export const timestampMs: Kind = make('timestamp', { ms: true });
export const int = (min?: number, max?: number, section?: string): Kind => make('integer', { min, max, section });
export const float = (min?: number, max?: number, section?: string): Kind => make('float', { min, max, section });
export const ref = (...targets: string[]): Kind => make('ref', { targets: targets.length ? targets : null });
export const list = (of: Kind): Kind => make('list', { of });
export const en = (vocab: Vocabulary): Kind => make('enum', { vocab });
export const ov = (vocab: Vocabulary): Kind => make('vocab', { vocab });
export const dictOf = (values: Kind): Kind => make('dictionary', { values });
export const obj = (shape: Shape): Kind => make('object', { shape });
export const strings: Kind = list(str);

/** Declares a shape from required and optional property tables. */
export function shape(
  name: string,
  section: string,
  required: Record<string, Kind>,
  optional: Record<string, Kind> = {},
): Shape {
  const props = new Map<string, Kind>();
  for (const [k, v] of Object.entries(required)) props.set(k, v);
  for (const [k, v] of Object.entries(optional)) props.set(k, v);
  return { name, section, props, required: Object.keys(required) };
}
