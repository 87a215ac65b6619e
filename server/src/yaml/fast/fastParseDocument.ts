import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import { bail } from './bail';
import { parseBlockMap, parseBlockSeq, tryParseKey } from './blockNodes';
import { rangeEndOf } from './nodeFactory';
import { emptyScalar } from './scalars';
import { Scanner, lineBreaks } from './scanner';
import { findContent } from './trivia';

const SPACE = 0x20;
const NEWLINE = 0x0a;
const CR = 0x0d;
const HASH = 0x23;

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
 *
 * Supported: an optional first `---` line (with an optional comment); a root block mapping or sequence
 * at column 0; nested block mappings and sequences (compact `- key: value` entries, sequences at their
 * key's column); single-line plain, single- and double-quoted scalars (core schema values); empty values;
 * one-line flow sequences of scalars and flow mappings of scalar pairs; block scalars `|` `>` with `-`/`+`;
 * comments and blank lines anywhere; LF or CR LF line ends; a last line without a line break.
 * Everything else bails: anchors, aliases, tags, directives, `?` keys, tabs, `...`, a second marker,
 * multi-line plain/quoted scalars and flow collections, nested flow collections, indentation indicators,
 * empty block scalars and sequence entries, root scalars, chunks with only comments and no `---`,
 * duplicate keys and anything else the library reports.
 */
export function fastParseDocument(text: string, start: number, end: number): FastDocument | undefined {
  try {
    return parseChunk(text, start, end);
  } catch {
    // A bail is expected. Anything else (a stack overflow on absurd nesting, or a bug: the differential
    // tests call parseChunk, which lets such errors through) also means "let yaml decide": its answer is
    // always right, ours only when we are sure.
    return undefined;
  }
}

/** `fastParseDocument` that throws FastParseBail with its reason, for tests and diagnostics. */
export function parseChunk(text: string, start: number, end: number): FastDocument {
  if (start < 0 || end > text.length || start > end) bail('bad chunk bounds');
  const breaks = lineBreaks(text, start, end);
  if (breaks === 'unsupported') bail('tab, lone CR or control character');
  const src = new Scanner(text, end, breaks === 'crlf');
  const marker = isMarker(text, start, end, '---');
  let from = start;
  let emptyAt = -1;
  if (marker) {
    // `---` with nothing but spaces or a comment after it (YAML 1.2.2 §9.1.2, c-directives-end)
    const eol = src.lineEnd(start);
    emptyAt = src.skipSpaces(start + 3, eol);
    if (emptyAt < eol && text.charCodeAt(emptyAt) !== HASH) bail('content on the --- line');
    from = src.nextLineStart(eol);
  }
  // Comment and blank lines before the root: in doc.start (after ---) or outside the document.
  findContent(src, from);
  const pos = src.next;
  const rootIndent = src.indent;
  if (rootIndent === -1) {
    // Without `---`, a chunk of comments is no document at all for yaml: nothing to return.
    if (!marker) bail('no document');
    const node = emptyScalar(emptyAt, hasComment(src, start, end) ? end : emptyAt);
    const nodeEnd = rangeEndOf(node) ?? emptyAt;
    return { contents: node, range: [start, nodeEnd, nodeEnd] };
  }
  if (rootIndent !== 0) bail('indented root node');
  if (isMarker(text, pos, end, '---') || isMarker(text, pos, end, '...')) bail('second document marker');
  let root: YAMLMap | YAMLSeq;
  if (src.isSeqIndicator(pos)) {
    root = parseBlockSeq(src, pos, 0);
  } else {
    if (!tryParseKey(src, pos, src.lineEnd(pos))) bail('unsupported root node');
    root = parseBlockMap(src, pos, 0);
  }
  if (src.indent !== -1) bail('content after the root node');
  const contentEnd = rangeEndOf(root) ?? bail('root without range');
  // The root's trailing comment and blank lines move to the document's `end` (composeDoc, resolveEnd).
  const docEnd = src.pendingStart === -1 ? contentEnd : contentEnd + (end - src.pendingStart);
  return { contents: root, range: [marker ? start : pos, contentEnd, docEnd] };
}

/** Whether a line of text[start, end) holds a comment (an empty document's range then covers them). */
function hasComment(src: Scanner, start: number, end: number): boolean {
  for (let p = start; p < end; p = src.nextLineStart(src.lineEnd(p))) {
    const q = p === start ? src.skipSpaces(start + 3, end) : src.skipSpaces(p, end);
    if (q < end && src.text.charCodeAt(q) === HASH) return true;
  }
  return false;
}

/** `---` or `...` at `pos` followed by white space or the end (lexer.js `parseLineStart`). */
function isMarker(text: string, pos: number, end: number, marker: string): boolean {
  if (!text.startsWith(marker, pos) || pos + 3 > end) return false;
  if (pos + 3 === end) return true;
  const c = text.charCodeAt(pos + 3);
  return c === SPACE || c === NEWLINE || c === CR;
}
