// The web API's error: an HTTP status and a stable code, sent as JSON `{ error, message }`.

export type WebApiErrorCode =
  | 'bad-request' | 'authentication-required' | 'credentials-rejected' | 'forbidden' | 'not-found' | 'too-many-attempts' | 'internal';

const STATUS: Record<WebApiErrorCode, number> = {
  'bad-request': 400,
  'authentication-required': 401,
  'credentials-rejected': 401,
  forbidden: 403,
  'not-found': 404,
  'too-many-attempts': 429,
  internal: 500,
};

export class WebApiError extends Error {
  readonly status: number;

  constructor(readonly code: WebApiErrorCode, message: string) {
    super(message);
    this.name = 'WebApiError';
    this.status = STATUS[code];
  }

  body(): { error: WebApiErrorCode; message: string } {
    return { error: this.code, message: this.message };
  }
}

/** An object the reader may not see is answered exactly like one that does not exist. */
export function notFound(id: string): WebApiError {
  return new WebApiError('not-found', `no object ${id}`);
}
