// §4.7/§9: an indicator whose pattern_type is `stix` must carry a valid STIX pattern.
import type { Context } from './context.ts';

export function checkIndicatorPattern(_ctx: Context): void {
  // Wired to src/pattern once its validatePattern export lands.
}
