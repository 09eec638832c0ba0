// §6 type-specific MUSTs of the SCOs that a property table cannot express.
import { TYPES } from '../types/index.ts';
import { isPlainObject, show, type Context } from './context.ts';
import { isMac48 } from './lexical.ts';
import { checkOrder } from './time-order.ts';
import { forbidBoth, present, requireOneOf, requireWith } from './type-checks.ts';

type Rule = (ctx: Context) => void;

function artifact(ctx: Context): void {
  forbidBoth(ctx, 'payload_bin', 'url', '6.1');
  requireWith(ctx, 'url', 'hashes', '6.1');
  requireWith(ctx, 'decryption_key', 'encryption_algorithm', '6.1');
}

function emailMessage(ctx: Context): void {
  const multipart = ctx.root.is_multipart;
  if (multipart === true && present(ctx, 'body')) {
    ctx.report('property-dependency', '$.body', 'email-message with is_multipart true must not have body; use body_multipart.', '6.6');
  }
  if (multipart === false && present(ctx, 'body_multipart')) {
    ctx.report('property-dependency', '$.body_multipart', 'email-message with is_multipart false must not have body_multipart.', '6.6');
  }
  const parts = ctx.root.body_multipart;
  if (Array.isArray(parts)) {
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (isPlainObject(part) && part.body === undefined && part.body_raw_ref === undefined) {
        ctx.report('one-of-required', `$.body_multipart[${i}]`, 'A MIME part must have body or body_raw_ref.', '6.6.2');
      }
    }
  }
}

function networkTraffic(ctx: Context): void {
  requireOneOf(ctx, ['src_ref', 'dst_ref'], '6.12');
  if (ctx.root.is_active === true && present(ctx, 'end')) {
    ctx.report('mutually-exclusive', '$.end', 'network-traffic with is_active true must not have end.', '6.12');
  }
  checkOrder(ctx, 'start', 'end', false, '6.12');
}

function macAddr(ctx: Context): void {
  const v = ctx.root.value;
  if (typeof v === 'string' && !isMac48(v)) {
    ctx.report('mac-format', '$.value', `MAC address ${show(v)} must be colon-delimited lowercase MAC-48 with leading zeros, e.g. d2:fb:49:24:37:18.`);
  }
}

/** "MUST contain at least one property (other than type)" from the type's own table or its extensions. */
const atLeastOneOwn = (type: string, section: string): Rule => {
  const spec = TYPES.get(type)!;
  const own = [...spec.props.keys()].filter((k) => !['type', 'id', 'spec_version', 'object_marking_refs',
    'granular_markings', 'defanged'].includes(k));
  return (ctx) => requireOneOf(ctx, own, section);
};

export const SCO_RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['artifact', artifact],
  ['email-message', emailMessage],
  ['file', (ctx) => requireOneOf(ctx, ['hashes', 'name'], '6.7')],
  ['mac-addr', macAddr],
  ['network-traffic', networkTraffic],
  ['process', atLeastOneOwn('process', '6.13')],
  ['x509-certificate', atLeastOneOwn('x509-certificate', '6.18')],
]);
