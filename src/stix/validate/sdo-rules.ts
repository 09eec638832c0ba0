// §4 type-specific MUSTs of the SDOs that a property table cannot express.
import { META_TYPE_NAMES, SDO_TYPE_NAMES, SRO_TYPE_NAMES, SCO_TYPE_NAMES } from '../types/index.ts';
import { show, type Context } from './context.ts';
import { identifierSeparator } from './lexical.ts';
import { checkIndicatorPattern } from './pattern.ts';
import { checkOrder } from './time-order.ts';
import { forbidBoth, present, requireOneOf, requireWith } from './type-checks.ts';

type Rule = (ctx: Context) => void;

const seenWindow = (section: string): Rule => (ctx) => checkOrder(ctx, 'first_seen', 'last_seen', false, section);

function indicator(ctx: Context): void {
  checkOrder(ctx, 'valid_from', 'valid_until', true, '4.7');
  checkIndicatorPattern(ctx);
}

function location(ctx: Context): void {
  if (!present(ctx, 'region') && !present(ctx, 'country') && !(present(ctx, 'latitude') && present(ctx, 'longitude'))) {
    ctx.report('one-of-required', '$', 'location must have region, country, or both latitude and longitude.', '4.10');
  }
  requireWith(ctx, 'latitude', 'longitude', '4.10');
  requireWith(ctx, 'longitude', 'latitude', '4.10');
  requireWith(ctx, 'precision', 'latitude', '4.10');
  if (present(ctx, 'precision') && present(ctx, 'latitude')) requireWith(ctx, 'precision', 'longitude', '4.10');
}

function malware(ctx: Context): void {
  checkOrder(ctx, 'first_seen', 'last_seen', false, '4.11');
  if (ctx.root.is_family === true && !present(ctx, 'name')) {
    ctx.report('property-dependency', '$.name', 'malware with is_family true must have a name.', '4.11');
  }
}

function malwareAnalysis(ctx: Context): void {
  requireOneOf(ctx, ['result', 'analysis_sco_refs'], '4.12');
}

/** Types an observed-data object_refs entry cannot be (it holds SCOs and SROs, §4.14). */
const NOT_OBSERVABLE = new Set([...SDO_TYPE_NAMES, ...META_TYPE_NAMES]);

function observedData(ctx: Context): void {
  checkOrder(ctx, 'first_observed', 'last_observed', false, '4.14');
  if (!present(ctx, 'objects') && !present(ctx, 'object_refs')) {
    ctx.report('one-of-required', '$', 'observed-data must have object_refs (or the deprecated objects).', '4.14');
  }
  forbidBoth(ctx, 'objects', 'object_refs', '4.14');
  const refs = ctx.root.object_refs;
  if (Array.isArray(refs)) {
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i];
      if (typeof r !== 'string') continue;
      const sep = identifierSeparator(r);
      if (sep > 0 && NOT_OBSERVABLE.has(r.slice(0, sep))) {
        ctx.report('ref-target-type', `$.object_refs[${i}]`, `observed-data object_refs ${show(r)} must reference an SCO or SRO, not a ${r.slice(0, sep)}.`, '4.14');
      }
    }
  }
}

export const SDO_RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['campaign', seenWindow('4.2')],
  ['indicator', indicator],
  ['infrastructure', seenWindow('4.8')],
  ['intrusion-set', seenWindow('4.9')],
  ['location', location],
  ['malware', malware],
  ['malware-analysis', malwareAnalysis],
  ['observed-data', observedData],
  ['threat-actor', seenWindow('4.17')],
]);

/** Types that may not be a relationship endpoint (§5.1: source and target are SDOs or SCOs). */
export const NOT_ENDPOINT: ReadonlySet<string> = new Set([...SRO_TYPE_NAMES, ...META_TYPE_NAMES]);
/** Types that may not be sighted (§5.2: sighting_of_ref is an SDO). */
export const NOT_SIGHTABLE: ReadonlySet<string> = new Set([...SRO_TYPE_NAMES, ...META_TYPE_NAMES, ...SCO_TYPE_NAMES]);
