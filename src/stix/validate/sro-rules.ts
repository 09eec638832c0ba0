// §5 type-specific MUSTs of relationship and sighting.
import { show, type Context } from './context.ts';
import { identifierSeparator } from './lexical.ts';
import { NOT_ENDPOINT, NOT_SIGHTABLE } from './sdo-rules.ts';
import { checkOrder } from './time-order.ts';

type Rule = (ctx: Context) => void;

function endpoint(ctx: Context, prop: string, forbidden: ReadonlySet<string>, what: string, spec: string): void {
  const v = ctx.root[prop];
  if (typeof v !== 'string') return;
  const sep = identifierSeparator(v);
  if (sep > 0 && forbidden.has(v.slice(0, sep))) {
    ctx.report('relationship-endpoint', `$.${prop}`, `${prop} ${show(v)} must reference ${what}, not a ${v.slice(0, sep)}.`, spec);
  }
}

/** §5.1: relationship_type is 3–250 characters of a-z, 0-9 and hyphen. */
function isRelationshipType(s: string): boolean {
  if (s.length < 3 || s.length > 250) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}

function relationship(ctx: Context): void {
  const rt = ctx.root.relationship_type;
  if (typeof rt === 'string' && !isRelationshipType(rt)) {
    ctx.report('relationship-type-format', '$.relationship_type', `relationship_type ${show(rt)} must be 3–250 characters of a-z, 0-9 and hyphen.`);
  }
  endpoint(ctx, 'source_ref', NOT_ENDPOINT, 'an SDO or SCO', '5.1');
  endpoint(ctx, 'target_ref', NOT_ENDPOINT, 'an SDO or SCO', '5.1');
  checkOrder(ctx, 'start_time', 'stop_time', true, '5.1');
}

function sighting(ctx: Context): void {
  endpoint(ctx, 'sighting_of_ref', NOT_SIGHTABLE, 'an SDO', '5.2');
  checkOrder(ctx, 'first_seen', 'last_seen', false, '5.2');
}

export const SRO_RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['relationship', relationship],
  ['sighting', sighting],
]);
