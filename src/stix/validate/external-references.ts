// §2.5 external references, with the CAPEC (§4.1) and CVE (§4.19) identifier rules.
import { at, isPlainObject, jsonType, show, type Context } from './context.ts';
import { checkHashes } from './hashes.ts';
import { isPropertyName } from './lexical.ts';

function digitsFrom(s: string, start: number, end: number, min: number): boolean {
  if (end - start < min) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `CAPEC-[id]` (§4.1). */
function isCapecId(s: string): boolean {
  return s.startsWith('CAPEC-') && digitsFrom(s, 6, s.length, 1);
}

/** `CVE-YYYY-NNNN…` (§4.19). */
function isCveId(s: string): boolean {
  return s.startsWith('CVE-') && digitsFrom(s, 4, 8, 4) && s[8] === '-' && digitsFrom(s, 9, s.length, 4);
}

/** Checks item `idx` of the external_references list at `path` (paths are built only when reporting). */
export function checkExternalReference(value: unknown, path: string, ctx: Context, idx = -1): void {
  if (!isPlainObject(value)) {
    const p = at(path, idx);
    ctx.report('property-type', p, `Expected an external-reference object at ${p}, got ${jsonType(value)} ${show(value)}.`, '2.5');
    return;
  }
  for (const key in value) {
    switch (key) {
      case 'source_name':
      case 'description':
      case 'url':
      case 'external_id': {
        const v = value[key];
        if (typeof v !== 'string') {
          ctx.report('property-type', `${at(path, idx)}.${key}`, `Expected a string at ${at(path, idx)}.${key}, got ${jsonType(v)} ${show(v)}.`, '2.5.1');
        }
        break;
      }
      case 'hashes':
        checkHashes(value.hashes, `${at(path, idx)}.hashes`, ctx, '2.5.1');
        break;
      default:
        if (!isPropertyName(key)) {
          ctx.report('property-name', `${at(path, idx)}[${JSON.stringify(key)}]`, `Property name ${show(key)} in external-reference breaks the naming rules.`);
        }
    }
  }
  const source = value.source_name;
  if (source === undefined) {
    ctx.report('required-property', `${at(path, idx)}.source_name`, `External reference at ${at(path, idx)} is missing required property source_name.`, '2.5.1');
  }
  const id = value.external_id;
  if (value.description === undefined && value.url === undefined && id === undefined) {
    ctx.report('external-reference-content', at(path, idx),
      `External reference ${show(source ?? value)} at ${at(path, idx)} needs at least one of description, url or external_id.`);
  }
  if (typeof id !== 'string') return;
  if (source === 'capec' && ctx.type === 'attack-pattern' && !isCapecId(id)) {
    ctx.report('external-id-format', `${at(path, idx)}.external_id`, `CAPEC external_id ${show(id)} must be formatted CAPEC-[id].`, '4.1');
  } else if (source === 'cve' && ctx.type === 'vulnerability' && !isCveId(id)) {
    ctx.report('external-id-format', `${at(path, idx)}.external_id`, `CVE external_id ${show(id)} must be formatted CVE-YYYY-NNNN.`, '4.19');
  }
}
