/**
 * Where the documents of a multi-document YAML file begin, found without parsing. YAML 1.2.2 §9.1.4
 * (c-forbidden): a line that starts with `---` or `...` followed by a space, a tab or a line end can never
 * be content of a scalar or collection, so a `---` line always starts a new document. Each document can
 * then be parsed on its own, and an edit re-parses only the document it touched.
 *
 * Returns undefined when the file needs the whole-stream parser: `...` document end markers and `%`
 * directives change how the following documents are read (§9.1.3, §9.2).
 */
export function documentChunkStarts(text: string): number[] | undefined {
  const starts = [0];
  let lineStart = 0;
  while (lineStart < text.length) {
    const first = text.charCodeAt(lineStart);
    if (first === 0x2d /* - */ && isMarker(text, lineStart, '---')) {
      if (lineStart > 0) starts.push(lineStart);
    } else if (first === 0x2e /* . */ && isMarker(text, lineStart, '...')) {
      return undefined;
    } else if (first === 0x25 /* % */) {
      return undefined;
    }
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return starts;
}

function isMarker(text: string, at: number, marker: string): boolean {
  if (!text.startsWith(marker, at)) return false;
  const next = text.charCodeAt(at + 3);
  // NaN at the end of the text: a marker on the last line.
  return Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}
