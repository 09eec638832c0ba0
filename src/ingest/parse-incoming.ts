// Turns an incoming object's text into a value, or into the problem that stopped it.
import type { Problem } from '../stix/problem.ts';
import type { IncomingObject } from './incoming.ts';

/** Problems found before or after validation proper; docs/errors.md explains each. */
export const INPUT_RULES = {
  'unreadable-input': { severity: 'error', spec: '8', summary: 'The input could not be split into objects (truncated or not JSON).' },
  'invalid-json': { severity: 'error', spec: '2', summary: 'An object is not valid JSON.' },
  'version-after-revocation': { severity: 'error', spec: '3.6.2', summary: 'A newer version of a revoked object; revocation is permanent.' },
} as const;

export type InputRule = keyof typeof INPUT_RULES;

export function inputProblem(code: InputRule, objectId: string | null, message: string): Problem {
  return { code, severity: INPUT_RULES[code].severity, objectId, path: '$', spec: INPUT_RULES[code].spec, message };
}

export function parseIncoming(incoming: IncomingObject): { object: unknown } | { problem: Problem } {
  if (incoming.error !== undefined) return { problem: inputProblem('unreadable-input', null, incoming.error) };
  if (incoming.object !== undefined) return { object: incoming.object };
  try {
    return { object: JSON.parse(incoming.json ?? '') };
  } catch (err) {
    return { problem: inputProblem('invalid-json', null, `not valid JSON: ${(err as Error).message}`) };
  }
}
