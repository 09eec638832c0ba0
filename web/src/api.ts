// Talks to the hub's web API with the session token; every failure becomes an ApiError with the server's message.
import type { SessionAccount } from './api-types.ts';

const TOKEN_KEY = 'tocsin.session';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export function sessionToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** Called when the server says the session is over, so the app can show the sign-in form again. */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

async function request(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = sessionToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new ApiError(0, 'unreachable', 'the hub does not answer; is it still running?');
  }
  if (response.ok) return response;
  let code = 'error';
  let message = `the hub answered ${response.status}`;
  try {
    const error = await response.json() as { error?: string; message?: string };
    code = error.error ?? code;
    message = error.message ?? message;
  } catch {
    // Not JSON (a proxy's page, say): the status says enough.
  }
  if (response.status === 401 && token && path !== '/api/session') {
    sessionStorage.removeItem(TOKEN_KEY);
    for (const listener of signedOutListeners) listener();
  }
  throw new ApiError(response.status, code, message);
}

export async function getJson<T>(path: string): Promise<T> {
  return await (await request('GET', path)).json() as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return await (await request('POST', path, body)).json() as T;
}

/** A rendered document (advisory HTML, Markdown, …) as text, with the file name the server suggests. */
export async function postForText(path: string, body: unknown): Promise<{ text: string; type: string; fileName: string }> {
  const response = await request('POST', path, body);
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { text: await response.text(), type: response.headers.get('content-type') ?? 'text/plain', fileName };
}

export async function signIn(account: string, password: string): Promise<SessionAccount> {
  const response = await request('POST', '/api/session', { account, password });
  const session = await response.json() as { token: string; account: SessionAccount };
  sessionStorage.setItem(TOKEN_KEY, session.token);
  return session.account;
}

export async function currentAccount(): Promise<SessionAccount> {
  return (await getJson<{ account: SessionAccount }>('/api/session')).account;
}

export async function signOut(): Promise<void> {
  try {
    await request('DELETE', '/api/session');
  } finally {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}
