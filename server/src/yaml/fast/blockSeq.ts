import { YAMLSeq, type Scalar, type YAMLMap } from 'yaml';
import { bail } from './bail';
import { endCollection } from './collectionEnd';
import { parseBlockMap, rangeOf, type BlockResult } from './blockMap';
import { parseInlineValue, tryParseKey } from './inlineValue';
import { schema } from './scalars';
import { HASH, isSeqIndicator, lineEndOf, skipSpaces, type Source } from './source';
import { scanAfterValue, type After } from './trivia';

/** Characters that start values `tryParseKey` must not see (block scalars, flow collections). */
const NOT_A_KEY = new Set(Array.from('|>[{', (c) => c.charCodeAt(0)));

/**
 * A block sequence (YAML 1.2.2 §8.2.1) whose first `-` is at `dashPos`, in column `indent`. Entries are
 * single-line values, block scalars, or compact mappings (`- key: value`, the mapping's indent being the
 * key's column, as parser.js counts `- ` as indentation).
 */
export function parseBlockSeq(src: Source, dashPos: number, indent: number): BlockResult<YAMLSeq> {
  const { text } = src;
  const seq = new YAMLSeq(schema);
  let pos = dashPos;
  for (;;) {
    const eol = lineEndOf(src, pos);
    const q = skipSpaces(src, pos + 1, eol);
    if (q >= eol || text.charCodeAt(q) === HASH) bail('empty sequence entry');
    if (isSeqIndicator(src, q)) bail('nested compact sequence');
    let item: Scalar | YAMLMap | YAMLSeq;
    let after: After;
    const key = NOT_A_KEY.has(text.charCodeAt(q)) ? null : tryParseKey(src, q, eol);
    if (key !== null) {
      const map = parseBlockMap(src, q, indent + (q - pos), key);
      item = map.node;
      after = map.after;
    } else {
      const inline = parseInlineValue(src, q, eol, indent);
      item = inline.node;
      after = scanAfterValue(src, inline.from, indent, inline.attachable ? rangeOf(item) : null);
    }
    seq.items.push(item);
    const lastEnd = rangeOf(item)[2];
    if (after.indent === indent && isSeqIndicator(src, after.next)) {
      pos = after.next;
      continue;
    }
    if (after.indent > indent) bail('more indented line after a sequence entry');
    return { node: seq, after: endCollection(seq, dashPos, lastEnd, after, indent) };
  }
}
