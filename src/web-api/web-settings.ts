// Which collections the web UI uses, from the environment: TOCSIN_WEB_VIEW and TOCSIN_WEB_PUBLISH as API-ROOT/COLLECTION.
import type { CollectionRef } from './context.ts';

export class WebSettingError extends Error {
  constructor(readonly variable: string, readonly value: string) {
    super(`${variable}=${value} is not API-ROOT/COLLECTION (a collection id or alias), e.g. demo/knowledge-base`);
    this.name = 'WebSettingError';
  }
}

export function collectionFromEnv(env: NodeJS.ProcessEnv, variable: string): CollectionRef | undefined {
  const value = env[variable];
  if (value === undefined || value === '') return undefined;
  const slash = value.indexOf('/');
  if (slash <= 0 || slash === value.length - 1 || value.indexOf('/', slash + 1) >= 0) throw new WebSettingError(variable, value);
  return { apiRoot: value.slice(0, slash), collection: value.slice(slash + 1) };
}
