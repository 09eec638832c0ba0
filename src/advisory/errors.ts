// Errors composing or publishing an advisory raises for input the user can correct.
import type { TlpLevel } from '../stix/tlp.ts';

export class ReportNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`no report ${id} in the store`);
    this.name = 'ReportNotFoundError';
  }
}

export class NotAReportError extends Error {
  constructor(readonly id: string, readonly type: string) {
    super(`${id} is a ${type}, not a report; use --objects to compose an advisory from a selection`);
    this.name = 'NotAReportError';
  }
}

export class EmptySelectionError extends Error {
  constructor(readonly missing: string[]) {
    super(missing.length === 0
      ? 'an advisory needs at least one object'
      : `none of the selected objects is in the store: ${missing.join(', ')}`);
    this.name = 'EmptySelectionError';
  }
}

/** The report itself is more restrictive than the level asked for, so it cannot be shared at that level. */
export class TlpCeilingError extends Error {
  constructor(readonly id: string, readonly tlp: TlpLevel, readonly requested: TlpLevel) {
    super(`${id} is TLP:${tlp.toUpperCase()}; it cannot be shared as TLP:${requested.toUpperCase()}`);
    this.name = 'TlpCeilingError';
  }
}

export class IdentityNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`no identity ${id} in the store to publish as`);
    this.name = 'IdentityNotFoundError';
  }
}

/** A revoked report stays revoked: no newer version may be written (STIX 2.1 §3.6.2). */
export class ReportRevokedError extends Error {
  constructor(readonly id: string) {
    super(`${id} is revoked; a revoked report cannot get a new version`);
    this.name = 'ReportRevokedError';
  }
}
