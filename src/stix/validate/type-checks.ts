// Small helpers for the type-specific rules: presence tests phrased the way the specification states them.
import type { Context } from './context.ts';

export function present(ctx: Context, name: string): boolean {
  return ctx.root[name] !== undefined;
}

/** At least one of `names` MUST be present. */
export function requireOneOf(ctx: Context, names: readonly string[], spec: string, path = '$'): void {
  for (const n of names) if (present(ctx, n)) return;
  ctx.report('one-of-required', path, `${ctx.type} must have at least one of ${names.join(', ')}.`, spec);
}

/** `a` and `b` MUST NOT both be present. */
export function forbidBoth(ctx: Context, a: string, b: string, spec: string): void {
  if (present(ctx, a) && present(ctx, b)) {
    ctx.report('mutually-exclusive', `$.${b}`, `${ctx.type} must not have both ${a} and ${b}.`, spec);
  }
}

/** When `a` is present, `b` MUST be present too. */
export function requireWith(ctx: Context, a: string, b: string, spec: string): void {
  if (present(ctx, a) && !present(ctx, b)) {
    ctx.report('property-dependency', `$.${b}`, `${ctx.type} has ${a} but is missing ${b}, which must accompany it.`, spec);
  }
}
