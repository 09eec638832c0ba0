// A source file a converter cannot read at all (wrong format, missing columns): the whole file is refused.

export class SourceFormatError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'SourceFormatError';
  }
}
