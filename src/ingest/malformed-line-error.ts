// A source line a converter could not turn into STIX: reported with its place and skipped, never fatal.

export class MalformedLineError extends Error {
  constructor(
    /** The input file (as the user named it) or a label such as `stdin`. */
    readonly file: string,
    /** 1-based line number in that file. */
    readonly line: number,
    /** The offending text, as read. */
    readonly text: string,
    /** What was wrong with it. */
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}: ${JSON.stringify(text.length > 120 ? text.slice(0, 117) + '...' : text)}`);
    this.name = 'MalformedLineError';
  }
}
