// §3.2 `extensions`, §3.10 predefined extensions, §7.3 extension definitions, §11.3 (deprecated) custom extensions.
import { EXTENSION_TYPE } from '../types/vocab.ts';
import { childPath, isPlainObject, jsonType, show, type Context } from './context.ts';
import { identifierSeparator, isPropertyName, isTypeName } from './lexical.ts';
import { checkShape } from './values.ts';

const EXT_DEF_PREFIX = 'extension-definition--';
const NEW_TYPE = new Set(['new-sdo', 'new-sco', 'new-sro']);

/** The extension_type values found among extension-definition extensions, or null if there are none. */
export function extensionTypesOf(extensions: unknown): string[] | null {
  if (!isPlainObject(extensions)) return null;
  let out: string[] | null = null;
  for (const key in extensions) {
    if (!key.startsWith(EXT_DEF_PREFIX)) continue;
    const ext = extensions[key];
    if (isPlainObject(ext) && typeof ext.extension_type === 'string') (out ??= []).push(ext.extension_type);
  }
  return out;
}

function checkDefinedExtension(key: string, ext: Record<string, unknown>, p: string, ctx: Context): void {
  if (identifierSeparator(key) < 0) {
    ctx.report('extension-key', p, `Extension key ${show(key)} starts like an extension-definition id but is not a valid identifier.`);
  }
  const et = ext.extension_type;
  if (et === undefined) {
    ctx.report('extension-type-missing', p, `Extension ${show(key)} uses an extension definition but has no extension_type.`);
  } else if (typeof et !== 'string' || !EXTENSION_TYPE.values.has(et)) {
    ctx.report('enum-value', `${p}.extension_type`, `extension_type ${show(et)} is not in extension-type-enum (${[...EXTENSION_TYPE.values].join(', ')}).`, '10.5');
  } else if (NEW_TYPE.has(et) && ctx.spec !== null) {
    ctx.report('extension-type-mismatch', `${p}.extension_type`,
      `extension_type ${show(et)} defines a new object type, but ${show(ctx.type)} is a type of the specification.`);
  }
  for (const name in ext) {
    if (name !== 'extension_type' && !isPropertyName(name)) {
      ctx.report('property-name', childPath(p, name), `Extension property name ${show(name)} breaks the naming rules.`, '7.3.2.1');
    }
  }
}

export function checkExtensions(value: unknown, path: string, ctx: Context): void {
  if (!isPlainObject(value)) {
    ctx.report('property-type', path, `Expected an extensions dictionary at ${path}, got ${jsonType(value)} ${show(value)}.`, '3.2');
    return;
  }
  let empty = true;
  for (const key in value) {
    empty = false;
    const p = childPath(path, key);
    const ext = value[key];
    if (!isPlainObject(ext)) {
      ctx.report('property-type', p, `Extension ${show(key)} must be an object holding the extension's properties, got ${jsonType(ext)}.`, '3.2');
      continue;
    }
    if (key.startsWith(EXT_DEF_PREFIX)) {
      checkDefinedExtension(key, ext, p, ctx);
      continue;
    }
    if (!key.endsWith('-ext')) {
      ctx.report('extension-key', p, `Extension key ${show(key)} is neither an extension-definition id nor a predefined "-ext" name.`);
      continue;
    }
    const predefined = ctx.spec?.extensions?.get(key);
    if (predefined !== undefined) {
      if (Object.keys(ext).length === 0) {
        ctx.report('empty-dictionary', p, `Extension ${show(key)} is empty; it must contain at least one property.`, predefined.section);
      }
      checkShape(predefined, ext, p, ctx);
    } else if (!isTypeName(key)) {
      ctx.report('extension-key', p, `Custom extension name ${show(key)} must be 3–250 characters of a-z, 0-9 and hyphen.`, '11.3');
    } else {
      ctx.report('custom-extension', p, `Extension ${show(key)} is not predefined for ${ctx.type}; custom "-ext" extensions are deprecated in favour of extension definitions.`);
    }
  }
  if (empty) ctx.report('empty-dictionary', path, `The extensions dictionary at ${path} is empty; omit it instead.`, '3.2');
}
