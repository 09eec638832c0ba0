// Turns an incoming object's text into a value, or into the problem that stopped it.
import type { Problem } from '../stix/problem.ts';
import type { IncomingObject } from './incoming.ts';

/** Problems found before or after validation proper, with the spec section each rule comes from. */
const INPUT_RULES = {
  'unreadable-input': '8',
  'invalid-json': '2',
  'version-after-revocation': '3.6.2',
} as const;

export type InputRule = keyof typeof INPUT_RULES;

export function inputProblem(code: InputRule, objectId: string | null, message: string): Problem {
  return { code, severity: 'error', objectId, path: '$', spec: INPUT_RULES[code], message };
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
