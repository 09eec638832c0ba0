// §5 type-specific MUSTs of relationship and sighting.
import { show, type Context } from './context.ts';
import { identifierSeparator } from './lexical.ts';
import { NOT_ENDPOINT, NOT_SIGHTABLE } from './sdo-rules.ts';
import { checkOrder } from './time-order.ts';

type Rule = (ctx: Context) => void;

/**
 * Forbidden types indexed by name length, so most endpoints are cleared by one array read, without slicing or
 * hashing the id (whose format its property check has verified).
 */
function byLength(types: ReadonlySet<string>): (readonly string[] | undefined)[] {
  const out: string[][] = [];
  for (const t of types) (out[t.length] ??= []).push(t);
  return out;
}
const NOT_ENDPOINT_BY_LENGTH = byLength(NOT_ENDPOINT);
const NOT_SIGHTABLE_BY_LENGTH = byLength(NOT_SIGHTABLE);

function endpoint(
  ctx: Context, prop: string, forbidden: readonly (readonly string[] | undefined)[], what: string, spec: string,
): void {
  const v = ctx.root[prop];
  if (typeof v !== 'string') return;
  const sep = v.length - 38;
  const candidates = sep > 0 ? forbidden[sep] : undefined;
  if (candidates === undefined || identifierSeparator(v) !== sep) return;
  for (const type of candidates) {
    if (v.startsWith(type)) {
      ctx.report('relationship-endpoint', `$.${prop}`, `${prop} ${show(v)} must reference ${what}, not a ${type}.`, spec);
      return;
    }
  }
}

/** §5.1: relationship_type is ASCII limited to a-z, 0-9 and hyphen. */
function isRelationshipType(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}

function relationship(ctx: Context): void {
  const rt = ctx.root.relationship_type;
  if (typeof rt === 'string' && !isRelationshipType(rt)) {
    ctx.report('relationship-type-format', '$.relationship_type', `relationship_type ${show(rt)} must use only a-z, 0-9 and hyphen.`);
  }
  endpoint(ctx, 'source_ref', NOT_ENDPOINT_BY_LENGTH, 'an SDO or SCO', '5.1');
  endpoint(ctx, 'target_ref', NOT_ENDPOINT_BY_LENGTH, 'an SDO or SCO', '5.1');
  checkOrder(ctx, 'start_time', 'stop_time', true, '5.1');
}

function sighting(ctx: Context): void {
  endpoint(ctx, 'sighting_of_ref', NOT_SIGHTABLE_BY_LENGTH, 'an SDO', '5.2');
  checkOrder(ctx, 'first_seen', 'last_seen', false, '5.2');
}

export const SRO_RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['relationship', relationship],
  ['sighting', sighting],
]);
