// Splits a byte stream (file, gzip, stdin) into numbered text lines without holding more than one chunk.
import { StringDecoder } from 'node:string_decoder';

export interface TextLine {
  text: string;
  /** 1-based line number in the input. */
  line: number;
}

/** Marks, in a followed stream, that the file was rotated or truncated: line numbers start again. */
export const REOPENED: unique symbol = Symbol('reopened');

export async function* lines(chunks: AsyncIterable<Buffer | string | typeof REOPENED>, onBytes?: (n: number) => void): AsyncGenerator<TextLine[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    if (chunk === REOPENED) {
      // A line the old file left unfinished is lost with it, as with tail -F.
      rest = '';
      line = 0;
      continue;
    }
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const batch: TextLine[] = [];
    let start = 0;
    let nl = text.indexOf('\n');
    if (rest !== '' && nl !== -1) {
      // Only the line cut by the chunk boundary is joined: `rest + text` would copy the whole chunk again.
      const joined = rest + text.slice(0, nl);
      line++;
      const end = joined.charCodeAt(joined.length - 1) === 13 ? joined.length - 1 : joined.length;
      if (end > 0) batch.push({ text: joined.slice(0, end), line });
      start = nl + 1;
      rest = '';
      nl = text.indexOf('\n', start);
    }
    for (; nl !== -1; nl = text.indexOf('\n', start)) {
      line++;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end > start) batch.push({ text: text.slice(start, end), line });
      start = nl + 1;
    }
    rest += text.slice(start);
    onBytes?.(chunk.length);
    if (batch.length > 0) yield batch;
  }
  rest += decoder.end();
  if (rest.replace(/\r$/, '') !== '') yield [{ text: rest.replace(/\r$/, ''), line: line + 1 }];
}
