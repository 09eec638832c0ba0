// Zeek's default TSV writer: `#separator`, `#fields`/`#types` headers, `-` unset, `(empty)` empty, set/vector fields.
import type { TelemetryEvent } from '../event.ts';
import type { HeaderState, LineDecoder } from './line-decoder.ts';
import { MalformedRecordError } from './malformed-record-error.ts';
import { zeekRecordEvent } from './zeek-record.ts';

type Parse = (text: string) => unknown;

/** The header lines' effect: `types` is what the value parsers were made from (unset: every field is text). */
interface ZeekTsvHeaders {
  separator: string;
  setSeparator: string;
  empty: string;
  unset: string;
  path: string;
  fields: string[] | undefined;
  types: string[] | undefined;
}

export class ZeekTsvDecoder implements LineDecoder {
  private separator = '\t';
  private setSeparator = ',';
  private empty = '(empty)';
  private unset = '-';
  private path: string;
  private fields: string[] | undefined;
  private types: string[] | undefined;
  private parsers: Parse[] | undefined;

  /** `path` is the log kind taken from the file name, used until a `#path` header says otherwise. */
  constructor(private readonly source: string, path: string) {
    this.path = path;
  }

  decode(text: string, line: number): TelemetryEvent | null {
    if (text.charCodeAt(0) === 35 /* # */) {
      this.header(text);
      return null;
    }
    const fields = this.fields;
    const parsers = this.parsers!;
    if (fields === undefined) throw new MalformedRecordError('record before any #fields header');
    const values = text.split(this.separator);
    if (values.length !== fields.length) {
      throw new MalformedRecordError(`${values.length} fields where the #fields header names ${fields.length}`);
    }
    const record: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const raw = values[i]!;
      if (raw === this.unset) continue;
      record[fields[i]!] = parsers[i]!(raw);
    }
    if (typeof record.ts !== 'number' || !Number.isFinite(record.ts)) throw new MalformedRecordError('ts is missing or not a time');
    return zeekRecordEvent(this.path, record, this.source, line);
  }

  private header(text: string): void {
    if (text.startsWith('#separator ')) {
      this.separator = unescape(text.slice('#separator '.length));
      return;
    }
    const tab = text.indexOf(this.separator);
    if (tab < 0) return;
    const name = text.slice(1, tab);
    const rest = text.slice(tab + this.separator.length);
    switch (name) {
      case 'set_separator': this.setSeparator = unescape(rest); break;
      case 'empty_field': this.empty = rest; break;
      case 'unset_field': this.unset = rest; break;
      case 'path': this.path = rest; break;
      case 'fields': this.fields = rest.split(this.separator); this.types = undefined; this.parsers = this.fields.map(() => parseString); break;
      case 'types': this.useTypes(rest.split(this.separator)); break;
      default:
    }
  }

  headerState(): HeaderState {
    const h: ZeekTsvHeaders = {
      separator: this.separator, setSeparator: this.setSeparator, empty: this.empty, unset: this.unset, path: this.path, fields: this.fields, types: this.types,
    };
    return h as unknown as HeaderState;
  }

  resumeHeaders(state: HeaderState): void {
    const h = state as unknown as ZeekTsvHeaders;
    this.separator = h.separator;
    this.setSeparator = h.setSeparator;
    this.empty = h.empty;
    this.unset = h.unset;
    this.path = h.path;
    this.fields = h.fields;
    this.types = undefined;
    this.parsers = h.fields?.map(() => parseString);
    if (h.types) this.useTypes(h.types);
  }

  private useTypes(types: string[]): void {
    this.types = types;
    this.parsers = (this.fields ?? types).map((_, i) => this.parserFor(types[i] ?? 'string'));
  }

  private parserFor(type: string): Parse {
    const container = /^(?:set|vector)\[(.+)\]$/.exec(type);
    if (container) {
      const item = this.parserFor(container[1]!);
      return (text) => (text === this.empty ? [] : text.split(this.setSeparator).map(item));
    }
    switch (type) {
      case 'time': case 'interval': case 'double': case 'count': case 'int': case 'port':
        return parseNumber;
      case 'bool':
        return (text) => text === 'T';
      default:
        return (text) => (text === this.empty ? '' : parseString(text));
    }
  }
}

function parseNumber(text: string): number {
  const n = Number(text);
  if (Number.isNaN(n)) throw new MalformedRecordError(`"${text}" is not a number`);
  return n;
}

/** Zeek writes non-printable bytes and separators inside values as `\xHH`. */
function parseString(text: string): string {
  return text.includes('\\x') ? unescape(text) : text;
}

function unescape(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
