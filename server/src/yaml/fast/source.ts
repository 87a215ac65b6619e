import { bail } from './bail';

/** The chunk being parsed: `text[start, end)`, offsets always in `text` coordinates. */
export interface Source {
  readonly text: string;
  readonly end: number;
}

export const SPACE = 0x20;
export const NEWLINE = 0x0a;
export const HASH = 0x23;
export const COLON = 0x3a;
export const DASH = 0x2d;

/** Offset of the `\n` ending the line that holds `pos`, or `src.end`. */
export function lineEndOf(src: Source, pos: number): number {
  const i = src.text.indexOf('\n', pos);
  return i === -1 || i > src.end ? src.end : i;
}

/** The start of the next line after a line ending at `eol` (`src.end` when there is none). */
export function nextLineStart(src: Source, eol: number): number {
  return eol < src.end ? eol + 1 : src.end;
}

export function skipSpaces(src: Source, pos: number, limit: number): number {
  const { text } = src;
  while (pos < limit && text.charCodeAt(pos) === SPACE) pos++;
  return pos;
}

/**
 * A block sequence entry indicator: `-` followed by white space or the end of the line
 * (YAML 1.2.2 §8.2.1, the lexer's `parseBlockStart`).
 */
export function isSeqIndicator(src: Source, pos: number): boolean {
  const { text, end } = src;
  if (pos >= end || text.charCodeAt(pos) !== DASH) return false;
  if (pos + 1 >= end) return true;
  const next = text.charCodeAt(pos + 1);
  return next === SPACE || next === NEWLINE;
}

/**
 * What may follow a node on its line: spaces, then the end of the line or a comment that is separated by
 * white space (strict mode reports `#` right after a token as MISSING_CHAR, yaml resolve-end.js).
 * Returns the start of the next line: the parser puts these tokens and the newline in the node's `end`.
 */
export function lineTail(src: Source, pos: number, eol: number): number {
  const q = skipSpaces(src, pos, eol);
  if (q < eol && (src.text.charCodeAt(q) !== HASH || q === pos)) bail('unexpected text after a node');
  return nextLineStart(src, eol);
}

/**
 * Characters the fast path never handles: tabs (indentation rules), CR (line ends), other C0/C1 controls,
 * BOM and the Unicode line separators, so that "line" always means "up to `\n`". A loop rather than a
 * RegExp: `exec` would search past `end`, to the end of the whole file, for every chunk.
 */
export function hasUnsupportedChars(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== NEWLINE) return true;
    } else if (c >= 0x7f && (c <= 0x9f || c === 0xfeff || c === 0x2028 || c === 0x2029)) {
      return true;
    }
  }
  return false;
}
