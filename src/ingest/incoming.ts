// One object on its way into the store, with where it came from for error reports.

export interface IncomingObject {
  /** The parsed object, when the source already parsed it. */
  object?: unknown;
  /** Its JSON text, kept byte for byte; parsed by the importer when `object` is absent. */
  json?: string;
  /** The same text in UTF-8 as it was read, when the source has it: the store then keeps these bytes. */
  bytes?: Uint8Array;
  /** Where it came from, e.g. `feed.json:118 objects[3]`. */
  origin: string;
  /** Set when the source could not even delimit the object (e.g. a truncated file). */
  error?: string;
}
