import { Scalar } from 'yaml';
import { bail } from './bail';
import type { Scanner } from './scanner';
import { stringScalar } from './scalars';

const SPACE = 0x20;
const NEWLINE = 0x0a;
const CR = 0x0d;
const HASH = 0x23;

/**
 * A block scalar (`|`, `>`, with optional `-`/`+` chomping; YAML 1.2.2 §8.1) whose header is at `pos`, in
 * a collection with indent `parentIndent`. Its extent follows yaml lexer.js `parseBlockScalar` and its
 * value resolve-block-scalar.js; explicit indentation indicators, empty bodies and anything those
 * functions report as an error bail. `src.at` is set to the start of the first line after the body.
 */
export function parseBlockScalar(src: Scanner, pos: number, parentIndent: number): Scalar {
  const { text, end } = src;
  const folded = text.charCodeAt(pos) === 0x3e;
  let h = pos + 1;
  let chomp = '';
  if (text[h] === '-' || text[h] === '+') chomp = text[h++] ?? '';
  const eol = src.lineEnd(pos);
  if (h < eol && text.charCodeAt(h) !== SPACE) bail('block scalar header with other characters');
  const q = src.skipSpaces(h, eol);
  if (q < eol && text.charCodeAt(q) !== HASH) bail('block scalar header with other characters');
  if (eol >= end) bail('block scalar without a body');
  const bodyStart = src.nextLineStart(eol);
  const bodyEnd = bodyExtent(src, bodyStart, parentIndent + 1, chomp === '+');
  const value = blockValue(text.slice(bodyStart, bodyEnd), parentIndent, folded, chomp);
  const type = folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
  src.at = bodyEnd;
  return stringScalar(value, type, pos, bodyEnd, bodyEnd);
}

/** lexer.js `parseBlockScalar` for an auto-detected indent: returns the end of the scalar's source. */
function bodyExtent(src: Scanner, bodyStart: number, indentNext: number, keep: boolean): number {
  const { text, end } = src;
  let nl = bodyStart - 1;
  let indent = 0;
  let i = bodyStart;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE) indent++;
    else if (c === NEWLINE) {
      nl = i;
      indent = 0;
    } else if (c !== CR) break; // the CR of CR LF is skipped (lexer.js); a lone CR never gets here
  }
  if (i >= end) bail('block scalar without content');
  if (indent < indentNext) bail('empty block scalar');
  for (;;) {
    const cs = continueScalar(src, nl + 1, indent);
    if (cs === -1) break;
    nl = text.indexOf('\n', cs);
    if (nl === -1 || nl >= end) {
      nl = end;
      break;
    }
  }
  if (!keep) {
    // "Drop the line if last char not more indented": trailing space-only lines are not content.
    for (;;) {
      let j = nl - 1;
      if (text.charCodeAt(j) === CR) j--;
      const lastChar = j;
      while (text.charCodeAt(j) === SPACE) j--;
      if (text.charCodeAt(j) === NEWLINE && j >= bodyStart && j + 1 + indent > lastChar) nl = j;
      else break;
    }
  }
  return Math.min(nl + 1, end);
}

/** lexer.js `continueScalar` with `indentNext > 0` and the whole chunk available (`atEnd`). */
function continueScalar(src: Scanner, offset: number, indentNext: number): number {
  const { text, end } = src;
  let indent = 0;
  while (offset + indent < end && text.charCodeAt(offset + indent) === SPACE) indent++;
  const at = offset + indent;
  if (at < end && text.charCodeAt(at) === CR) return at + 1;
  if (at < end && text.charCodeAt(at) === NEWLINE) return at;
  return indent >= indentNext ? at : -1;
}

/** resolve-block-scalar.js `splitLines`: `[indent, content]` per line. */
function splitLines(source: string): [string, string][] {
  const split = source.split(/\n( *)/);
  const first = split[0] ?? '';
  const m = /^( *)/.exec(first);
  const lead = m?.[1] ?? '';
  const lines: [string, string][] = [lead ? [lead, first.slice(lead.length)] : ['', first]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i] ?? '', split[i + 1] ?? '']);
  return lines;
}

/**
 * resolve-block-scalar.js `resolveBlockScalar` without an indentation indicator. With CR LF line ends the
 * CR stays at the end of each line's content, as there.
 */
function blockValue(source: string, scalarIndent: number, folded: boolean, chomp: string): string {
  const lines = splitLines(source);
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i]?.[1];
    if (content === '' || content === '\r') chompStart = i;
    else break;
  }
  if (chompStart === 0) bail('block scalar without content');
  let trimIndent = scalarIndent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i] ?? ['', ''];
    if (content === '' || content === '\r') {
      if (indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) bail('more-indented leading empty lines');
      trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0) bail('block scalar not indented');
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if ((lines[i]?.[0].length ?? 0) > trimIndent) chompStart = i + 1;
  }
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += (lines[i]?.[0] ?? '').slice(trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const [indent, rawContent] = lines[i] ?? ['', ''];
    const content = rawContent.endsWith('\r') ? rawContent.slice(0, -1) : rawContent;
    if (content && indent.length < trimIndent) bail('block scalar line less indented than its first');
    if (!folded) {
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
    } else if (indent.length > trimIndent) {
      // more-indented lines keep their line breaks in a folded scalar (YAML 1.2.2 §8.1.3)
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i) value += '\n' + (lines[i]?.[0] ?? '').slice(trimIndent);
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (chomp !== '-') {
    value += '\n';
  }
  return value;
}
