import { Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { bail } from './bail';
import { parseBlockScalar } from './blockScalar';
import { parseFlowCollection } from './flowCollection';
import { internKey } from './internKeys';
import { setRange } from './nodeFactory';
import { multilineSingleQuoted, plainContinuation, unfoldLines } from './multiline';
import { scanPlainBlock } from './plainScan';
import { scanQuoted } from './quotedScan';
import { plainIsString, plainScalar, stringScalar } from './scalars';
import type { Scanner } from './scanner';

const SPACE = 0x20;
const COLON = 0x3a;

/**
 * A value that starts on the current line at `pos` (after `key: ` or `- `) in a block collection with
 * indent `collIndent`: a plain or single-quoted scalar (possibly continued on more indented lines; the
 * lexer's `indentNext` is then `collIndent + 1`), a single-line double-quoted scalar, a one-line flow
 * collection or a block scalar. Sets `src.at`
 * to the start of the first line after the value (after its line, or after a block scalar's body), and
 * `src.attachable` to whether the value keeps `end` tokens in yaml's CST (flow scalars and flow
 * collections do, block scalars do not), so that more indented comment lines extend its range (trivia.ts).
 */
export function parseInlineValue(
  src: Scanner,
  pos: number,
  eol: number,
  collIndent: number,
): Scalar | YAMLMap | YAMLSeq {
  const { text } = src;
  const c = text.charCodeAt(pos);
  if (c === 0x7c || c === 0x3e) {
    src.attachable = false;
    return parseBlockScalar(src, pos, collIndent);
  }
  src.attachable = true;
  if (c === 0x5b || c === 0x7b) {
    const node = parseFlowCollection(src, pos, eol);
    const closeEnd = src.at;
    src.at = src.lineTail(closeEnd, eol);
    setRange(node, pos, closeEnd, src.at);
    return node;
  }
  if (c === 0x22 || c === 0x27) {
    let value = scanQuoted(src, pos, eol);
    if (value === null) {
      if (c === 0x22) bail('multi-line double-quoted scalar');
      value = multilineSingleQuoted(src, pos, collIndent + 1);
    }
    const valueEnd = src.at;
    src.at = src.lineTail(valueEnd, src.lineEnd(valueEnd));
    return stringScalar(value, c === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, pos, valueEnd, src.at);
  }
  if (src.isSeqIndicator(pos)) bail('block sequence on the line of its key or entry');
  let valueEnd = scanPlainBlock(src, pos, eol);
  const q = src.skipSpaces(valueEnd, eol);
  if (q < eol && text.charCodeAt(q) === COLON) bail('compact nested mapping');
  let source: string;
  if (q < eol) {
    source = text.slice(pos, valueEnd); // a comment follows: the scalar cannot continue
  } else {
    const lastEnd = plainContinuation(src, valueEnd, collIndent + 1);
    source = lastEnd === valueEnd ? text.slice(pos, valueEnd) : unfoldLines(text.slice(pos, lastEnd));
    valueEnd = lastEnd;
  }
  src.at = src.lineTail(valueEnd, src.lineEnd(valueEnd));
  return plainScalar(source, pos, valueEnd, src.at);
}

/**
 * An implicit block mapping key at `pos`: a plain or quoted scalar on one line followed by `:` and white
 * space or the end of the line. Returns false if the line holds no such key (it is then some other
 * value); else sets `src.at` to the offset of the `:` and the scanner's key registers (scanner.ts): a
 * plain key that resolves to a string gets no node here, only its text (nodeFactory.ts `newPlainKeyPair`).
 */
export function tryParseKey(src: Scanner, pos: number, eol: number): boolean {
  const { text } = src;
  const c = text.charCodeAt(pos);
  const quoted = c === 0x22 || c === 0x27;
  let value: string | null;
  let keyEnd: number;
  if (quoted) {
    value = scanQuoted(src, pos, eol);
    if (value === null) return false;
    keyEnd = src.at;
  } else {
    if (c === 0x5b || c === 0x7b || src.isSeqIndicator(pos)) return false;
    keyEnd = scanPlainBlock(src, pos, eol);
    value = null;
  }
  const colon = src.skipSpaces(keyEnd, eol);
  if (colon >= eol || text.charCodeAt(colon) !== COLON) return false;
  if (colon + 1 < eol && text.charCodeAt(colon + 1) !== SPACE) bail('":" without a space after a key');
  // strict mode: KEY_OVER_1024_CHARS (resolve-block-map.js); keep a margin for the key's start tokens
  if (colon - pos > 1000) bail('long implicit key');
  src.at = colon;
  src.keyEnd = keyEnd;
  if (value !== null) {
    const type = c === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    src.keyNode = stringScalar(value, type, pos, keyEnd, keyEnd);
    src.keyValue = value;
    return true;
  }
  const source = internKey(text.slice(pos, keyEnd));
  if (plainIsString(source)) {
    src.keyNode = null;
    src.keyValue = source;
  } else {
    const node = plainScalar(source, pos, keyEnd, keyEnd);
    src.keyNode = node;
    src.keyValue = node.value;
  }
  return true;
}
