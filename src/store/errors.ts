// Errors a store query raises for input the caller can correct.

export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`the paging cursor ${JSON.stringify(cursor)} is not one this store issued`);
    this.name = 'InvalidCursorError';
  }
}

export class InvalidTimestampError extends Error {
  constructor(readonly parameter: string, readonly value: string) {
    super(`${parameter} ${JSON.stringify(value)} is not an RFC 3339 timestamp`);
    this.name = 'InvalidTimestampError';
  }
}

export class StoreSchemaError extends Error {
  constructor(readonly file: string, readonly found: number, readonly supported: number) {
    super(`${file} has schema version ${found}, newer than this Tocsin understands (${supported}); upgrade Tocsin`);
    this.name = 'StoreSchemaError';
  }
}
