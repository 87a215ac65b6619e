import type { Scalar } from 'yaml';
import { keepShapesAlive } from '../../liveShapes';
import { bail } from './bail';

// Each module declares the character codes it needs as local constants: imported bindings become getter
// calls under tsx's per-file CommonJS transform, which showed in the scanning loops' profiles.
const SPACE = 0x20;
const NEWLINE = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const DASH = 0x2d;

/**
 * The chunk being parsed, `text[.., end)` with offsets in `text` coordinates, plus the small helpers every
 * scanner needs. The parse functions also return their secondary results through the registers below
 * rather than through fresh objects: parsing allocates the nodes it keeps and little else, which keeps the
 * young-generation GC (that copies the kept nodes) rare.
 */
export class Scanner {
  /** An offset answered by the last scan (a closing quote's end, a key's `:`, the next line's start). */
  at = 0;
  /** Whether the last inline value keeps `end` tokens in yaml's CST (see trivia.ts). */
  attachable = false;
  /** The "after" state of the last finished node (trivia.ts `After`). */
  next = 0;
  indent = -1;
  pendingStart = -1;
  maxCommentIndent = -1;
  /**
   * The last mapping key `tryParseKey` found: its node when it is not a plain string (quoted, or a plain
   * scalar that resolves to null, a boolean or a number), else null; its value (the text for a plain
   * string); the end of its text. Its start is where the caller asked.
   */
  keyNode: Scalar | null = null;
  keyValue: unknown = null;
  keyEnd = 0;
  /**
   * The items of the block collections still being parsed, innermost last: a collection's items are
   * pushed here and moved into an array of their exact length when it ends (collectionEnd.ts).
   */
  readonly openItems: unknown[] = [];

  constructor(
    readonly text: string,
    readonly end: number,
    /** Lines end with CR LF (only CR LF: a lone CR bails, see `lineBreaks`). */
    readonly crlf: boolean,
  ) {}

  /** Offset of the line break (`\n`, or the CR of CR LF) ending the line that holds `pos`, or `end`. */
  lineEnd(pos: number): number {
    const i = this.text.indexOf('\n', pos);
    if (i === -1 || i > this.end) return this.end;
    return this.crlf && i > pos && this.text.charCodeAt(i - 1) === CR ? i - 1 : i;
  }

  /** The start of the line after one that ends at `eol` (`end` when there is none). */
  nextLineStart(eol: number): number {
    if (eol >= this.end) return this.end;
    return this.text.charCodeAt(eol) === CR ? eol + 2 : eol + 1;
  }

  /**
   * The length of the line break at `pos`: 1 for LF, 2 for CR LF (the lexer's `pushNewline`), 0 if there
   * is none.
   */
  breakLength(pos: number): number {
    if (pos >= this.end) return 0;
    const c = this.text.charCodeAt(pos);
    return c === NEWLINE ? 1 : c === CR ? 2 : 0;
  }

  skipSpaces(pos: number, limit: number): number {
    const { text } = this;
    while (pos < limit && text.charCodeAt(pos) === SPACE) pos++;
    return pos;
  }

  /**
   * A block sequence entry indicator: `-` followed by white space or the end of the line
   * (YAML 1.2.2 §8.2.1, the lexer's `parseBlockStart`).
   */
  isSeqIndicator(pos: number): boolean {
    const { text, end } = this;
    if (pos >= end || text.charCodeAt(pos) !== DASH) return false;
    if (pos + 1 >= end) return true;
    const next = text.charCodeAt(pos + 1);
    return next === SPACE || next === NEWLINE || next === CR;
  }

  /**
   * What may follow a node on its line: spaces, then the end of the line or a comment separated by white
   * space (strict mode reports `#` right after a token as MISSING_CHAR, yaml resolve-end.js). Returns the
   * start of the next line: the parser puts these tokens and the newline in the node's `end`.
   */
  lineTail(pos: number, eol: number): number {
    const q = this.skipSpaces(pos, eol);
    if (q < eol && (this.text.charCodeAt(q) !== HASH || q === pos)) bail('unexpected text after a node');
    return this.nextLineStart(eol);
  }

  /** Sets the "after" registers (trivia.ts). */
  setAfter(next: number, indent: number, pendingStart: number, maxCommentIndent: number): void {
    this.next = next;
    this.indent = indent;
    this.pendingStart = pendingStart;
    this.maxCommentIndent = maxCommentIndent;
  }
}

/** Every character `lineBreaks` must look at: C0 controls but LF (CR and tab included), C1, BOM, U+2028/9. */
// eslint-disable-next-line no-control-regex -- these control characters are what the test looks for
const NOT_PLAIN_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufeff\u2028\u2029]/;

// Scanners live only while a chunk is parsed; this idle one keeps their shape, and so the optimised
// scanning code, across full GCs between files (liveShapes.ts).
keepShapesAlive(new Scanner('', 0, false));

/**
 * How lines end in text[start, end): 'lf', 'crlf' (any CR LF), or 'unsupported' when the chunk holds a
 * character the fast path never handles: tabs (indentation rules), a CR not followed by LF, other C0/C1
 * controls, BOM and the Unicode line separators, so that a line always ends at LF or CR LF.
 */
export function lineBreaks(text: string, start: number, end: number): 'lf' | 'crlf' | 'unsupported' {
  // Most chunks hold none of these characters: one RegExp test of the chunk says so several times faster
  // than the loop below. It runs on a slice, a view of the text rather than a copy, so that it stops at
  // `end` instead of searching to the end of the whole file for every chunk.
  if (!NOT_PLAIN_LF.test(text.slice(start, end))) return 'lf';
  let crlf = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c === CR && i + 1 < end && text.charCodeAt(i + 1) === NEWLINE) crlf = true;
      else if (c !== NEWLINE) return 'unsupported';
    } else if (c >= 0x7f && (c <= 0x9f || c === 0xfeff || c === 0x2028 || c === 0x2029)) {
      return 'unsupported';
    }
  }
  return crlf ? 'crlf' : 'lf';
}
