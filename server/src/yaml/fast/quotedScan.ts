import { bail } from './bail';
import type { Scanner } from './scanner';

/** yaml resolve-flow-scalar.js `escapeCodes` (YAML 1.2.2 §5.7), minus `\<TAB>`: tabs always bail. */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;

/**
 * A single-quoted scalar closed on the same line; `''` is an escaped quote (YAML 1.2.2 §7.3.2). Returns
 * its value, or null if it is not closed on the line; `src.at` is set to the offset after the closing quote.
 */
export function scanSingleQuoted(src: Scanner, pos: number, eol: number): string | null {
  const { text } = src;
  let value = '';
  let from = pos + 1;
  // a bounded loop, not indexOf: an unclosed quote must not search the rest of the file
  for (let i = pos + 1; i < eol; i++) {
    if (text.charCodeAt(i) !== 0x27) continue;
    if (i + 1 < eol && text.charCodeAt(i + 1) === 0x27) {
      value += text.slice(from, i + 1);
      from = i + 2;
      i++;
      continue;
    }
    src.at = i + 1;
    return value + text.slice(from, i);
  }
  return null;
}

/**
 * A double-quoted scalar closed on the same line, with the escapes yaml resolves (YAML 1.2.2 §7.3.1).
 * Returns its value, or null if it is not closed on the line; `src.at` is set to the offset after the
 * closing quote.
 */
export function scanDoubleQuoted(src: Scanner, pos: number, eol: number): string | null {
  const { text } = src;
  let value = '';
  let from = pos + 1;
  for (let i = pos + 1; i < eol; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      src.at = i + 1;
      return value + text.slice(from, i);
    }
    if (c !== 0x5c) continue;
    value += text.slice(from, i);
    const next = text[i + 1] ?? '';
    const simple = ESCAPES[next];
    if (simple !== undefined && i + 1 < eol) {
      value += simple;
      i += 1;
    } else {
      const length = HEX_LENGTH[next];
      if (length === undefined || i + 2 + length > eol) bail('unsupported escape');
      const hex = text.slice(i + 2, i + 2 + length);
      const code = HEX.test(hex) ? parseInt(hex, 16) : NaN;
      if (!(code <= 0x10ffff)) bail('invalid escape');
      value += String.fromCodePoint(code);
      i += 1 + length;
    }
    from = i + 1;
  }
  return null;
}

/** The quoted scalar at `pos` (`"` or `'`) closed on its line, or null; `src.at` is set to the offset after it. */
export function scanQuoted(src: Scanner, pos: number, eol: number): string | null {
  return src.text.charCodeAt(pos) === 0x22
    ? scanDoubleQuoted(src, pos, eol)
    : scanSingleQuoted(src, pos, eol);
}
