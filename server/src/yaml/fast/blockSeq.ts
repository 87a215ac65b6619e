import type { Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { bail } from './bail';
import { endOf, parseBlockMap } from './blockMap';
import { endCollection } from './collectionEnd';
import { parseInlineValue, tryParseKey } from './inlineValue';
import { newSeq } from './nodeFactory';
import type { Scanner } from './scanner';
import { scanAfterValue } from './trivia';

const HASH = 0x23;
/** Characters that start values `tryParseKey` must not see (block scalars, flow collections). */
const NOT_A_KEY = new Set(Array.from('|>[{', (c) => c.charCodeAt(0)));

/**
 * A block sequence (YAML 1.2.2 §8.2.1) whose first `-` is at `dashPos`, in column `indent`. Entries are
 * single-line values, block scalars, or compact mappings (`- key: value`, the mapping's indent being the
 * key's column, as parser.js counts `- ` as indentation). The scanner's "after" registers then describe
 * what follows.
 */
export function parseBlockSeq(src: Scanner, dashPos: number, indent: number): YAMLSeq {
  const { text } = src;
  const seq = newSeq();
  const mark = src.openItems.length;
  let pos = dashPos;
  for (;;) {
    const eol = src.lineEnd(pos);
    const q = src.skipSpaces(pos + 1, eol);
    if (q >= eol || text.charCodeAt(q) === HASH) bail('empty sequence entry');
    if (src.isSeqIndicator(q)) bail('nested compact sequence');
    let item: Scalar | YAMLMap | YAMLSeq;
    if (!NOT_A_KEY.has(text.charCodeAt(q)) && tryParseKey(src, q, eol)) {
      item = parseBlockMap(src, q, indent + (q - pos));
    } else {
      item = parseInlineValue(src, q, eol, indent);
      scanAfterValue(src, src.at, indent, src.attachable ? item : null);
    }
    src.openItems.push(item);
    if (src.indent === indent && src.isSeqIndicator(src.next)) {
      pos = src.next;
      continue;
    }
    if (src.indent > indent) bail('more indented line after a sequence entry');
    endCollection(src, seq, mark, dashPos, endOf(item), indent);
    return seq;
  }
}
