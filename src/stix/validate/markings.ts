// §7.2.3 granular markings: exactly one of marking_ref/lang, and selectors that parse and resolve in the object.
import { childPath, isPlainObject, jsonType, show, type Context } from './context.ts';
import { isLanguageTag, isPropertyName } from './lexical.ts';
import { checkRef } from './values.ts';

const MARKING = ['marking-definition'];

/**
 * Walks a selector such as `external_references.[0].source_name` through the object. Returns null when it
 * resolves, 'syntax' when it is malformed, or the failing prefix when it points at nothing.
 */
export function resolveSelector(root: unknown, selector: string): 'syntax' | { missing: string } | null {
  if (selector.length === 0) return 'syntax';
  let current: unknown = root;
  let start = 0;
  for (let i = 0; i <= selector.length; i++) {
    if (i < selector.length && selector.charCodeAt(i) !== 46) continue;
    if (i === start) return 'syntax';
    const segment = selector.slice(start, i);
    if (segment.charCodeAt(0) === 91) { // [index]
      if (segment.length < 3 || segment.charCodeAt(segment.length - 1) !== 93) return 'syntax';
      let index = 0;
      for (let j = 1; j < segment.length - 1; j++) {
        const c = segment.charCodeAt(j);
        if (c < 48 || c > 57 || (j === 1 && c === 48 && segment.length > 3)) return 'syntax';
        index = index * 10 + (c - 48);
      }
      if (!Array.isArray(current) || index >= current.length) return { missing: selector.slice(0, i) };
      current = current[index];
    } else {
      for (let j = 0; j < segment.length; j++) {
        const c = segment.charCodeAt(j);
        const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
        if (!ok) return 'syntax';
      }
      if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return { missing: selector.slice(0, i) };
      current = current[segment];
    }
    start = i + 1;
  }
  return null;
}

export function checkGranularMarking(value: unknown, path: string, ctx: Context): void {
  if (!isPlainObject(value)) {
    ctx.report('property-type', path, `Expected a granular-marking object at ${path}, got ${jsonType(value)} ${show(value)}.`, '7.2.3.1');
    return;
  }
  const hasRef = value.marking_ref !== undefined;
  const hasLang = value.lang !== undefined;
  if (hasRef === hasLang) {
    ctx.report('granular-marking-content', path, hasRef
      ? `Granular marking at ${path} has both marking_ref and lang; it must have exactly one.`
      : `Granular marking at ${path} has neither marking_ref nor lang; it must have exactly one.`);
  }
  if (hasRef) checkRef(value.marking_ref, MARKING, `${path}.marking_ref`, ctx, '7.2.3.1');
  if (hasLang) {
    if (typeof value.lang !== 'string' || !isLanguageTag(value.lang)) {
      ctx.report('lang-format', `${path}.lang`, `Granular marking lang ${show(value.lang)} is not an RFC 5646 language tag.`, '7.2.3.1');
    }
  }
  for (const key in value) {
    if (key !== 'selectors' && key !== 'marking_ref' && key !== 'lang' && !isPropertyName(key)) {
      ctx.report('property-name', childPath(path, key), `Property name ${show(key)} in granular-marking breaks the naming rules.`);
    }
  }
  const selectors = value.selectors;
  const sp = `${path}.selectors`;
  if (selectors === undefined) {
    ctx.report('required-property', sp, `Granular marking at ${path} is missing required property selectors.`, '7.2.3.1');
    return;
  }
  if (!Array.isArray(selectors)) {
    ctx.report('property-type', sp, `Expected a list of selector strings at ${sp}, got ${jsonType(selectors)} ${show(selectors)}.`, '7.2.3.1');
    return;
  }
  if (selectors.length === 0) ctx.report('empty-list', sp, `The selectors list at ${sp} is empty.`, '7.2.3.1');
  for (let i = 0; i < selectors.length; i++) {
    const s = selectors[i];
    const p = `${sp}[${i}]`;
    if (typeof s !== 'string') {
      ctx.report('property-type', p, `Expected a selector string at ${p}, got ${jsonType(s)} ${show(s)}.`, '7.2.3.1');
      continue;
    }
    const outcome = resolveSelector(ctx.root, s);
    if (outcome === 'syntax') {
      ctx.report('selector-syntax', p, `Selector ${show(s)} is not a dot-separated path of property names and [index] steps.`);
    } else if (outcome !== null) {
      ctx.report('selector-unresolved', p, `Selector ${show(s)} does not resolve in this object (nothing at ${show(outcome.missing)}).`);
    }
  }
}
