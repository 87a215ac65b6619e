import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { bail } from './bail';
import { COLON, DASH, SPACE, skipSpaces, type Source } from './source';
import { scanDoubleQuoted, scanSingleQuoted } from './quotedScan';
import { plainScalar, schema, stringScalar } from './scalars';

/** Characters that end a plain scalar inside a flow collection, plus `#` and `:` which bail. */
const FLOW_STOP = new Set(Array.from(',[]{}#:', (c) => c.charCodeAt(0)));
const BAD_FIRST = new Set(Array.from(',[]{}#&*!|>\'"%@`?: ', (c) => c.charCodeAt(0)));

interface FlowScalar {
  readonly node: Scalar;
  /** Offset after the scalar's value (before any spaces). */
  readonly valueEnd: number;
}

/** A quoted or plain scalar inside a one-line flow collection (YAML 1.2.2 §7.4). */
function flowScalar(src: Source, pos: number, eol: number): FlowScalar {
  const { text } = src;
  const c = text.charCodeAt(pos);
  if (c === 0x22 || c === 0x27) {
    const q = c === 0x22 ? scanDoubleQuoted(src, pos, eol) : scanSingleQuoted(src, pos, eol);
    const type = c === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    return { node: stringScalar(q.value, type, pos, q.end, q.end), valueEnd: q.end };
  }
  if (pos >= eol || BAD_FIRST.has(c)) bail('unsupported flow item');
  if (c === DASH) {
    const next = pos + 1 < eol ? text.charCodeAt(pos + 1) : SPACE;
    if (next === SPACE || FLOW_STOP.has(next)) bail('unsupported flow item');
  }
  let valueEnd = pos;
  let i = pos;
  for (; i < eol; i++) {
    const ch = text.charCodeAt(i);
    if (FLOW_STOP.has(ch)) break;
    if (ch !== SPACE) valueEnd = i + 1;
  }
  const source = text.slice(pos, valueEnd);
  return { node: plainScalar(source, pos, valueEnd, valueEnd), valueEnd };
}

export interface FlowResult {
  readonly node: YAMLMap | YAMLSeq;
  /** Offset after the closing bracket. */
  readonly closeEnd: number;
}

/**
 * A flow sequence of scalars or a flow mapping of scalar pairs, opened at `pos` and closed on the same
 * line. Ranges follow resolve-flow-collection.js: an item's `range[2]` includes the spaces before the
 * next `,` or the closing bracket, a key's does not (they go to the pair's `sep`).
 */
export function parseFlowCollection(src: Source, pos: number, eol: number): FlowResult {
  const { text } = src;
  const isMap = text.charCodeAt(pos) === 0x7b;
  const close = isMap ? 0x7d : 0x5d;
  const map = isMap ? new YAMLMap(schema) : undefined;
  const seq = isMap ? undefined : new YAMLSeq(schema);
  let i = skipSpaces(src, pos + 1, eol);
  while (i < eol && text.charCodeAt(i) !== close) {
    const first = flowScalar(src, i, eol);
    let value = first;
    if (map) {
      i = skipSpaces(src, first.valueEnd, eol);
      if (text.charCodeAt(i) !== COLON || text.charCodeAt(i + 1) !== SPACE) bail('flow pair without ": "');
      const key = first.node;
      if (map.items.some((pair) => (pair.key as Scalar).value === key.value)) bail('duplicate key');
      value = flowScalar(src, skipSpaces(src, i + 1, eol), eol);
      map.items.push(new Pair(key, value.node));
    } else {
      seq?.items.push(first.node);
    }
    i = skipSpaces(src, value.valueEnd, eol);
    const range = value.node.range;
    if (range) range[2] = i;
    const c = text.charCodeAt(i);
    if (c === 0x2c) i = skipSpaces(src, i + 1, eol);
    else if (c !== close) bail('unexpected character in flow collection');
  }
  if (i >= eol) bail('flow collection not closed on its line');
  const node = map ?? seq;
  if (!node) return bail('impossible');
  node.flow = true;
  return { node, closeEnd: i + 1 };
}
