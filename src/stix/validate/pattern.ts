// §4.7/§9: an indicator whose pattern_type is `stix` must carry a valid STIX pattern; src/pattern checks it.
import { DIAGNOSTIC_CATALOG, validatePattern } from '../../pattern/index.ts';
import type { Context } from './context.ts';

export function checkIndicatorPattern(ctx: Context): void {
  const pattern = ctx.root.pattern;
  if (ctx.root.pattern_type !== 'stix' || typeof pattern !== 'string') return;
  for (const d of validatePattern(pattern)) {
    const entry = (DIAGNOSTIC_CATALOG as Record<string, { spec: string } | undefined>)[d.code];
    ctx.report(
      d.severity === 'error' ? 'pattern-invalid' : 'pattern-warning',
      '$.pattern',
      `Pattern ${d.code} at ${d.line}:${d.column}: ${d.message}`,
      entry?.spec ?? '9',
    );
  }
}
