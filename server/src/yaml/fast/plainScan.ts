import { bail } from './bail';
import type { Scanner } from './scanner';

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

/**
 * First characters that never start a supported plain scalar: YAML 1.2.2 §7.3.3 indicators, the
 * characters yaml reports as BAD_SCALAR_START (`,` `%` `@` `` ` ``), and `?`/`:` which the fast path
 * leaves to the library.
 */
const BAD_FIRST = new Set(Array.from(',[]{}#&*!|>\'"%@`?: \n', (c) => c.charCodeAt(0)));

/** Checks the first character of a plain scalar at `pos` (which must be before `eol`). */
export function checkPlainStart(src: Scanner, pos: number, eol: number): void {
  const first = src.text.charCodeAt(pos);
  if (BAD_FIRST.has(first)) bail('unsupported plain scalar start');
  if (first === DASH && (pos + 1 >= eol || src.text.charCodeAt(pos + 1) === SPACE)) {
    bail('sequence indicator where a scalar was expected');
  }
}

/**
 * The end of a single-line plain scalar in block context, as the lexer's `parsePlainScalar` finds it:
 * it stops before `: ` (or `:` at the end of the line) and before ` #`; trailing spaces are not part of
 * it. `[]{},` are ordinary characters outside flow collections (YAML 1.2.2 §7.3.3, ns-plain-char).
 */
export function scanPlainBlock(src: Scanner, pos: number, eol: number): number {
  checkPlainStart(src, pos, eol);
  const { text } = src;
  let valueEnd = pos;
  for (let i = pos; i < eol; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) {
      if (i + 1 >= eol || text.charCodeAt(i + 1) === SPACE) break;
      valueEnd = i + 1;
    } else if (c === SPACE) {
      if (i + 1 < eol && text.charCodeAt(i + 1) === HASH) break;
    } else {
      valueEnd = i + 1;
    }
  }
  return valueEnd;
}
