// validateBundle: the §8 bundle envelope and every object in it, with paths relative to the bundle.
import { makeProblem, type Problem } from '../problem.ts';
import { isPlainObject, jsonType, show } from './context.ts';
import { validateObject, validateTyped } from './object.ts';

/** Validates a bundle and each of its objects. Pure and total: never throws. */
export function validateBundle(bundle: unknown): Problem[] {
  if (!isPlainObject(bundle)) {
    return [makeProblem('not-an-object', null, '$', `Expected a bundle (JSON object), got ${jsonType(bundle)} ${show(bundle)}.`, '8')];
  }
  const id = typeof bundle.id === 'string' ? bundle.id : null;
  if (bundle.type !== 'bundle') {
    return [bundle.type === undefined
      ? makeProblem('required-property', id, '$.type', 'The bundle has no type property.', '8')
      : makeProblem('bundle-type', id, '$.type', `A bundle must have type "bundle", not ${show(bundle.type)}.`)];
  }
  let problems: Problem[];
  try {
    problems = validateTyped(bundle, 'bundle');
  } catch (err) {
    problems = [makeProblem('validator-failure', id, '$', `Validation could not complete: ${(err as Error).message}.`)];
  }
  const objects = bundle.objects;
  if (!Array.isArray(objects)) return problems;
  for (let i = 0; i < objects.length; i++) {
    const found = validateObject(objects[i]);
    for (const p of found) {
      p.path = `$.objects[${i}]${p.path.slice(1)}`;
      problems.push(p);
    }
  }
  return problems;
}
