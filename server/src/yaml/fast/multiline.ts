import { bail } from './bail';
import type { Scanner } from './scanner';

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const QUOTE = 0x27;

/**
 * Where a plain scalar whose first line ends at `valueEnd` (at the end of that line) really ends: the
 * lexer's `parsePlainScalar` continues it over blank lines and over lines indented at least `indentNext`
 * (`continueScalar`), up to ` #`, `: ` or a comment line (YAML 1.2.2 §7.3.3, multi-line plain scalars).
 * `: ` on a continuation line would make a multi-line implicit key, which yaml reports: bail.
 */
export function plainContinuation(src: Scanner, valueEnd: number, indentNext: number): number {
  const { text, end } = src;
  let p = src.nextLineStart(src.lineEnd(valueEnd));
  while (p < end) {
    const q = src.skipSpaces(p, end);
    if (q >= end) break;
    if (src.breakLength(q) > 0) {
      p = q + src.breakLength(q);
      continue;
    }
    if (q - p < indentNext || text.charCodeAt(q) === HASH) break;
    const eol = src.lineEnd(q);
    let lineEnd = q;
    for (let i = q; i < eol; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON && (i + 1 >= eol || text.charCodeAt(i + 1) === SPACE)) bail('multi-line implicit key');
      if (c === SPACE) {
        if (i + 1 < eol && text.charCodeAt(i + 1) === HASH) return lineEnd;
      } else {
        lineEnd = i + 1;
      }
    }
    valueEnd = lineEnd;
    p = src.nextLineStart(eol);
  }
  return valueEnd;
}

/**
 * A single-quoted scalar at `pos` that is not closed on its first line (YAML 1.2.2 §7.3.2): its lines
 * must be blank or indented at least `indentNext`, else yaml reports an unexpected unindent (lexer.js
 * `parseQuotedScalar`). Returns the value; `src.at` is set to the offset after the closing quote.
 */
export function multilineSingleQuoted(src: Scanner, pos: number, indentNext: number): string {
  const { text, end } = src;
  let i = pos + 1;
  for (;;) {
    const eol = src.lineEnd(i);
    for (; i < eol; i++) {
      if (text.charCodeAt(i) !== QUOTE) continue;
      if (i + 1 < eol && text.charCodeAt(i + 1) === QUOTE) {
        i++;
        continue;
      }
      src.at = i + 1;
      return unfoldLines(text.slice(pos + 1, i)).replace(/''/g, "'");
    }
    if (eol >= end) bail('single-quoted scalar not closed');
    const p = src.nextLineStart(eol);
    const q = src.skipSpaces(p, end);
    if (q < end && src.breakLength(q) === 0 && q - p < indentNext) bail('unindented quoted scalar line');
    i = p;
  }
}

/**
 * resolve-flow-scalar.js `unfoldLines`: line folding of multi-line flow scalars (YAML 1.2.2 §6.5) — a
 * single line break becomes a space, each further empty line a newline, and white space around breaks
 * is trimmed.
 */
export function unfoldLines(source: string): string {
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source);
  if (!match) return source;
  let res = (match[1] ?? '').replace(/(?<![ \t])[ \t]+$/, '');
  let sep = ' ';
  let pos = line.lastIndex;
  while ((match = line.exec(source))) {
    const lm = (match[1] ?? '').replace(/^[ \t]+|(?<![ \t])[ \t]+$/g, '');
    if (lm === '') {
      if (sep === '\n') res += sep;
      else sep = '\n';
    } else {
      res += sep + lm;
      sep = ' ';
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return res + sep + (match?.[1] ?? '');
}
