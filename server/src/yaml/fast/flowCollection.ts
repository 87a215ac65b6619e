import { Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { bail } from './bail';
import { scanQuoted } from './quotedScan';
import { newMap, newPair, newSeq, pairKeyValue, setRangeEnd } from './nodeFactory';
import { plainScalar, stringScalar } from './scalars';
import type { Scanner } from './scanner';

const SPACE = 0x20;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;

/** Characters that end a plain scalar inside a flow collection, plus `#` and `:` which bail. */
const FLOW_STOP = new Set(Array.from(',[]{}#:', (c) => c.charCodeAt(0)));
const BAD_FIRST = new Set(Array.from(',[]{}#&*!|>\'"%@`?: ', (c) => c.charCodeAt(0)));

/**
 * A quoted or plain scalar inside a one-line flow collection (YAML 1.2.2 §7.4), its range ending at its
 * value; `src.at` is set to the offset after the value.
 */
function flowScalar(src: Scanner, pos: number, eol: number): Scalar {
  const { text } = src;
  const c = text.charCodeAt(pos);
  if (c === 0x22 || c === 0x27) {
    const value = scanQuoted(src, pos, eol) ?? bail('quoted scalar not closed on its line');
    return stringScalar(value, c === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, pos, src.at, src.at);
  }
  if (pos >= eol || BAD_FIRST.has(c)) bail('unsupported flow item');
  if (c === DASH) {
    const next = pos + 1 < eol ? text.charCodeAt(pos + 1) : SPACE;
    if (next === SPACE || FLOW_STOP.has(next)) bail('unsupported flow item');
  }
  let valueEnd = pos;
  for (let i = pos; i < eol; i++) {
    const ch = text.charCodeAt(i);
    if (FLOW_STOP.has(ch)) break;
    if (ch !== SPACE) valueEnd = i + 1;
  }
  src.at = valueEnd;
  return plainScalar(text.slice(pos, valueEnd), pos, valueEnd, valueEnd);
}

/**
 * A flow sequence of scalars or a flow mapping of scalar pairs, opened at `pos` and closed on the same
 * line; `src.at` is set to the offset after the closing bracket. Ranges follow
 * resolve-flow-collection.js: an item's `range[2]` includes the spaces before the next `,` or the closing
 * bracket, a key's does not (they go to the pair's `sep`).
 */
export function parseFlowCollection(src: Scanner, pos: number, eol: number): YAMLMap | YAMLSeq {
  const { text } = src;
  const isMap = text.charCodeAt(pos) === 0x7b;
  const close = isMap ? 0x7d : 0x5d;
  const map = isMap ? newMap() : undefined;
  const seq = isMap ? undefined : newSeq();
  let i = src.skipSpaces(pos + 1, eol);
  while (i < eol && text.charCodeAt(i) !== close) {
    let value = flowScalar(src, i, eol);
    if (map) {
      const key = value;
      i = src.skipSpaces(src.at, eol);
      if (text.charCodeAt(i) !== COLON || text.charCodeAt(i + 1) !== SPACE) bail('flow pair without ": "');
      for (const pair of map.items) if (pairKeyValue(pair) === key.value) bail('duplicate key');
      value = flowScalar(src, src.skipSpaces(i + 1, eol), eol);
      map.items.push(newPair(key, value));
    } else {
      seq?.items.push(value);
    }
    i = src.skipSpaces(src.at, eol);
    setRangeEnd(value, i);
    const c = text.charCodeAt(i);
    if (c === COMMA) i = src.skipSpaces(i + 1, eol);
    else if (c !== close) bail('unexpected character in flow collection');
  }
  if (i >= eol) bail('flow collection not closed on its line');
  const node = map ?? seq;
  if (!node) return bail('impossible');
  node.flow = true;
  src.at = i + 1;
  return node;
}
