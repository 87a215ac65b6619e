import type { Node } from 'yaml';
import { FastParseBail, bail } from './bail';
import { parseBlockMap, parseBlockSeq, tryParseKey } from './blockNodes';
import { emptyScalar } from './scalars';
import {
  HASH,
  NEWLINE,
  SPACE,
  hasUnsupportedChars,
  isSeqIndicator,
  lineEndOf,
  skipSpaces,
  type Source,
} from './source';

export interface FastDocument {
  /** The root node (yaml's Scalar | YAMLMap | YAMLSeq), or null for an empty document. */
  readonly contents: Node | null;
  /** Exactly what `Document.range` would be for this document. */
  readonly range: [number, number, number];
}

/**
 * Parses text[start, end) — one YAML document chunk that begins at the start of a line — into the nodes
 * `parseAllDocuments(chunk, { prettyErrors: false, uniqueKeys: true, strict: true })` (yaml 2.9.1) would
 * build, offsets shifted by `start`. Returns undefined ("use the yaml library") whenever the chunk leaves
 * the supported subset or the library would report an error or a warning.
 */
export function fastParseDocument(text: string, start: number, end: number): FastDocument | undefined {
  try {
    return parseChunk(text, start, end);
  } catch (error: unknown) {
    // A bail is expected; anything else (a stack overflow on absurd nesting) also means "let yaml decide".
    if (error instanceof FastParseBail || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** `fastParseDocument` that throws FastParseBail with its reason, for tests and diagnostics. */
export function parseChunk(text: string, start: number, end: number): FastDocument {
  if (start < 0 || end > text.length || start > end) bail('bad chunk bounds');
  if (hasUnsupportedChars(text, start, end)) bail('tab, CR or control character');
  const src: Source = { text, end };
  const marker = isMarker(text, start, end, '---');
  let pos = start;
  let emptyAt = -1;
  let sawComment = false;
  if (marker) {
    // `---` with nothing but spaces or a comment after it (YAML 1.2.2 §9.1.2, c-directives-end)
    const eol = lineEndOf(src, start);
    emptyAt = skipSpaces(src, start + 3, eol);
    if (emptyAt < eol) {
      if (text.charCodeAt(emptyAt) !== HASH) bail('content on the --- line');
      sawComment = true;
    }
    pos = eol < end ? eol + 1 : end;
  }
  // Comment and blank lines before the root: in doc.start (after ---) or outside the document.
  while (pos < end) {
    const q = skipSpaces(src, pos, end);
    const c = q < end ? text.charCodeAt(q) : -1;
    if (c === HASH) {
      sawComment = true;
      const eol = lineEndOf(src, q);
      pos = eol < end ? eol + 1 : end;
    } else if (c === NEWLINE) {
      pos = q + 1;
    } else if (c === -1) {
      pos = end;
    } else {
      if (q !== pos) bail('indented root node');
      break;
    }
  }
  if (pos >= end) {
    // Without `---`, a chunk of comments is no document at all for yaml: nothing to return.
    if (!marker) bail('no document');
    const node = emptyScalar(emptyAt, sawComment ? end : emptyAt);
    return { contents: node, range: [start, node.range?.[2] ?? emptyAt, node.range?.[2] ?? emptyAt] };
  }
  if (isMarker(text, pos, end, '---') || isMarker(text, pos, end, '...')) bail('second document marker');
  const eol = lineEndOf(src, pos);
  let root;
  if (isSeqIndicator(src, pos)) {
    root = parseBlockSeq(src, pos, 0);
  } else {
    const key = tryParseKey(src, pos, eol);
    if (key === null) bail('unsupported root node');
    root = parseBlockMap(src, pos, 0, key);
  }
  const { node, after } = root;
  if (after.indent !== -1) bail('content after the root node');
  const contentEnd = node.range?.[2] ?? bail('root without range');
  // The root's trailing comment and blank lines move to the document's `end` (composeDoc, resolveEnd).
  const docEnd = after.pendingStart === -1 ? contentEnd : contentEnd + (end - after.pendingStart);
  return { contents: node, range: [marker ? start : pos, contentEnd, docEnd] };
}

/** `---` or `...` at `pos` followed by white space or the end (lexer.js `parseLineStart`). */
function isMarker(text: string, pos: number, end: number, marker: string): boolean {
  if (!text.startsWith(marker, pos) || pos + 3 > end) return false;
  if (pos + 3 === end) return true;
  const c = text.charCodeAt(pos + 3);
  return c === SPACE || c === NEWLINE;
}
