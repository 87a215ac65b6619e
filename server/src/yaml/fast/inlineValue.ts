import { Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { bail } from './bail';
import { parseBlockScalar } from './blockScalar';
import { parseFlowCollection } from './flowCollection';
import { scanPlainBlock } from './plainScan';
import { scanDoubleQuoted, scanSingleQuoted } from './quotedScan';
import { plainScalar, stringScalar } from './scalars';
import { COLON, SPACE, isSeqIndicator, lineTail, skipSpaces, type Source } from './source';

export interface InlineValue {
  readonly node: Scalar | YAMLMap | YAMLSeq;
  /** Start of the first line after the value (after its line, or after a block scalar's body). */
  readonly from: number;
  /**
   * True when the value keeps `end` tokens in yaml's CST (flow scalars and flow collections), so that more
   * indented comment lines after it extend its range (trivia.ts); false for block scalars.
   */
  readonly attachable: boolean;
}

/**
 * A value that starts on the current line at `pos` (after `key: ` or `- `) in a block collection with
 * indent `collIndent`: a single-line scalar, a one-line flow collection or a block scalar.
 */
export function parseInlineValue(src: Source, pos: number, eol: number, collIndent: number): InlineValue {
  const { text } = src;
  const c = text.charCodeAt(pos);
  if (c === 0x7c || c === 0x3e) {
    const block = parseBlockScalar(src, pos, collIndent);
    return { node: block.node, from: block.from, attachable: false };
  }
  if (c === 0x5b || c === 0x7b) {
    const flow = parseFlowCollection(src, pos, eol);
    const from = lineTail(src, flow.closeEnd, eol);
    flow.node.range = [pos, flow.closeEnd, from];
    return { node: flow.node, from, attachable: true };
  }
  if (c === 0x22 || c === 0x27) {
    const q = c === 0x22 ? scanDoubleQuoted(src, pos, eol) : scanSingleQuoted(src, pos, eol);
    const from = lineTail(src, q.end, eol);
    const type = c === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    return { node: stringScalar(q.value, type, pos, q.end, from), from, attachable: true };
  }
  if (isSeqIndicator(src, pos)) bail('block sequence on the line of its key or entry');
  const valueEnd = scanPlainBlock(src, pos, eol);
  const q = skipSpaces(src, valueEnd, eol);
  if (q < eol && text.charCodeAt(q) === COLON) bail('compact nested mapping');
  const from = lineTail(src, valueEnd, eol);
  return { node: plainScalar(text.slice(pos, valueEnd), pos, valueEnd, from), from, attachable: true };
}

export interface KeyResult {
  readonly node: Scalar;
  /** Offset of the `:` indicator. */
  readonly colon: number;
}

/**
 * An implicit block mapping key at `pos`: a plain or quoted scalar on one line followed by `:` and white
 * space or the end of the line. Returns null if the line holds no such key (it is then some other value).
 */
export function tryParseKey(src: Source, pos: number, eol: number): KeyResult | null {
  const { text } = src;
  const c = text.charCodeAt(pos);
  let node: Scalar;
  let keyEnd: number;
  if (c === 0x22 || c === 0x27) {
    const q = c === 0x22 ? scanDoubleQuoted(src, pos, eol) : scanSingleQuoted(src, pos, eol);
    keyEnd = q.end;
    node = stringScalar(q.value, c === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, pos, keyEnd, keyEnd);
  } else {
    if (c === 0x5b || c === 0x7b || isSeqIndicator(src, pos)) return null;
    keyEnd = scanPlainBlock(src, pos, eol);
    node = plainScalar(text.slice(pos, keyEnd), pos, keyEnd, keyEnd);
  }
  const colon = skipSpaces(src, keyEnd, eol);
  if (colon >= eol || text.charCodeAt(colon) !== COLON) return null;
  if (colon + 1 < eol && text.charCodeAt(colon + 1) !== SPACE) bail('":" without a space after a key');
  // strict mode: KEY_OVER_1024_CHARS (resolve-block-map.js); keep a margin for the key's start tokens
  if (colon - pos > 1000) bail('long implicit key');
  return { node, colon };
}
