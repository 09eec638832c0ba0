// §7 type-specific MUSTs of the meta objects: marking definitions (statement, TLP 1.0/2.0), language content.
import { TLP1_CREATED, TLP1_MARKINGS, TLP2_EXTENSION_ID, TLP2_MARKINGS } from '../types/meta.ts';
import { childPath, isPlainObject, show, type Context } from './context.ts';
import { isLanguageTag } from './lexical.ts';
import { present } from './type-checks.ts';

type Rule = (ctx: Context) => void;

const TLP1_LEVELS = new Set(TLP1_MARKINGS.values());
const TLP2_LEVELS = new Set(TLP2_MARKINGS.values());

function tlp1(ctx: Context, definition: Record<string, unknown>): void {
  const level = definition.tlp;
  if (typeof level !== 'string' || !TLP1_LEVELS.has(level)) {
    ctx.report('tlp-marking', '$.definition.tlp', `TLP level ${show(level)} must be one of white, green, amber, red.`);
    return;
  }
  if (TLP1_MARKINGS.get(ctx.objectId ?? '') !== level) {
    ctx.report('tlp-marking', '$.id', `A TLP:${level.toUpperCase()} marking must use the predefined id, not ${show(ctx.objectId)}.`);
  } else if (ctx.root.created !== TLP1_CREATED) {
    ctx.report('tlp-marking', '$.created', `The predefined TLP markings have created ${TLP1_CREATED}, not ${show(ctx.root.created)}.`);
  }
}

function tlp2(ctx: Context, ext: Record<string, unknown>): void {
  const level = ext.tlp_2_0;
  const path = `$.extensions["${TLP2_EXTENSION_ID}"].tlp_2_0`;
  if (typeof level !== 'string' || !TLP2_LEVELS.has(level)) {
    ctx.report('tlp-marking', path, `TLP 2.0 level ${show(level)} must be one of clear, green, amber, amber+strict, red.`);
  } else if (TLP2_MARKINGS.get(ctx.objectId ?? '') !== level) {
    ctx.report('tlp-marking', '$.id', `A TLP 2.0 ${level} marking must use its predefined id, not ${show(ctx.objectId)}.`);
  } else if (ctx.root.name !== `TLP:${level.toUpperCase()}`) {
    ctx.report('tlp-marking', '$.name', `The TLP 2.0 ${level} marking is named TLP:${level.toUpperCase()}, not ${show(ctx.root.name)}.`);
  }
  if (ext.extension_type !== undefined && ext.extension_type !== 'property-extension') {
    ctx.report('tlp-marking', `$.extensions["${TLP2_EXTENSION_ID}"].extension_type`, `The TLP 2.0 extension is a property-extension, not ${show(ext.extension_type)}.`);
  }
}

function markingDefinition(ctx: Context): void {
  const root = ctx.root;
  const hasType = present(ctx, 'definition_type');
  const hasDef = present(ctx, 'definition');
  if (hasType !== hasDef) {
    const missing = hasType ? 'definition' : 'definition_type';
    ctx.report('property-dependency', `$.${missing}`, `marking-definition has ${hasType ? 'definition_type' : 'definition'} but is missing ${missing}.`, '7.2.1');
  }
  if (!hasType && !hasDef && !present(ctx, 'extensions')) {
    ctx.report('marking-definition-content', '$', 'marking-definition needs definition_type and definition, or an extension carrying the marking.');
  }
  const def = root.definition;
  if (hasDef && !isPlainObject(def)) {
    ctx.report('property-type', '$.definition', `definition must be an object, got ${show(def)}.`, '7.2.1');
  } else if (isPlainObject(def)) {
    if (root.definition_type === 'statement' && typeof def.statement !== 'string') {
      ctx.report('required-property', '$.definition.statement', 'A statement marking needs a string statement.', '7.2.1.3');
    } else if (root.definition_type === 'tlp') {
      tlp1(ctx, def);
    }
  }
  const exts = root.extensions;
  if (isPlainObject(exts) && isPlainObject(exts[TLP2_EXTENSION_ID])) tlp2(ctx, exts[TLP2_EXTENSION_ID]);
  // §3.2: a marking definition must not mark itself.
  const id = ctx.objectId;
  const refs = root.object_marking_refs;
  if (id !== null && Array.isArray(refs)) {
    const i = refs.indexOf(id);
    if (i >= 0) ctx.report('circular-marking', `$.object_marking_refs[${i}]`, `Marking definition ${id} references itself in object_marking_refs.`);
  }
  const granular = root.granular_markings;
  if (id !== null && Array.isArray(granular)) {
    for (let i = 0; i < granular.length; i++) {
      const g = granular[i];
      if (isPlainObject(g) && g.marking_ref === id) {
        ctx.report('circular-marking', `$.granular_markings[${i}].marking_ref`, `Marking definition ${id} references itself in granular_markings.`);
      }
    }
  }
}

function languageContent(ctx: Context): void {
  const contents = ctx.root.contents;
  if (!isPlainObject(contents)) return;
  for (const lang in contents) {
    if (!isLanguageTag(lang)) {
      ctx.report('lang-format', childPath('$.contents', lang), `contents key ${show(lang)} is not an RFC 5646 language tag.`, '7.1');
    }
  }
}

export const META_RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['marking-definition', markingDefinition],
  ['language-content', languageContent],
]);
