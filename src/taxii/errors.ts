// The TAXII error family: each error crossing the HTTP boundary is a TaxiiError rendered as a §3.6.1 error message.

/** One catalog row per error the hub answers with: HTTP status, title, and the TAXII 2.1 section behind it. */
export const TAXII_ERRORS = {
  'bad-parameter': { status: 400, title: 'Bad request parameter', spec: '3.4' },
  'authentication-required': { status: 401, title: 'Authentication required', spec: '1.6.9' },
  'credentials-rejected': { status: 401, title: 'Credentials not accepted', spec: '1.6.9' },
  'forbidden': { status: 403, title: 'Not permitted', spec: '5.2.1' },
  'not-found': { status: 404, title: 'Not found', spec: '3.6' },
  'method-not-allowed': { status: 405, title: 'Method not allowed', spec: '3.1' },
  'not-acceptable': { status: 406, title: 'Not acceptable', spec: '1.6.8' },
  'too-large': { status: 413, title: 'Request body too large', spec: '4.2.1' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type', spec: '1.6.8' },
  'unprocessable': { status: 422, title: 'Unprocessable content', spec: '5.5' },
  'internal': { status: 500, title: 'Internal server error', spec: '3.6' },
} as const;

export type TaxiiErrorCode = keyof typeof TAXII_ERRORS;

export class TaxiiError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: TaxiiErrorCode,
    readonly description: string,
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. WWW-Authenticate or Allow. */
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = 'TaxiiError';
    this.status = TAXII_ERRORS[code].status;
    this.title = TAXII_ERRORS[code].title;
  }

  /** The TAXII 2.1 §3.6.1 error message. */
  body(errorId?: string): Record<string, unknown> {
    return {
      title: this.title,
      description: this.description,
      ...(errorId ? { error_id: errorId } : {}),
      error_code: this.code,
      http_status: String(this.status),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}
