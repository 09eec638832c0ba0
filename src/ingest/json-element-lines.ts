// Finds the line each element of a JSON document's record array starts on, so a bad record is reported by line.

/**
 * Line numbers (1-based) where the elements of the first array nested `arrayDepth` levels deep begin
 * (1: a top-level array; 2: an array that is a property of the top-level object). Strings are skipped,
 * so brackets inside values do not count. Only object and array elements are recorded.
 */
export function jsonElementLines(text: string, arrayDepth: number): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let inTarget = false;
  let done = false;
  for (let i = 0; i < text.length && !done; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (inTarget && depth === arrayDepth) lines.push(line);
      depth++;
      if (c === 0x5b && depth === arrayDepth && lines.length === 0) inTarget = true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (inTarget && depth === arrayDepth - 1) done = true;
    }
  }
  return lines;
}
