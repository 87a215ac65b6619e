import { Pair, type Scalar, YAMLMap, type YAMLSeq } from 'yaml';
import { bail } from './bail';
import { endCollection } from './collectionEnd';
import { parseInlineValue, tryParseKey, type KeyResult } from './inlineValue';
import { parseBlockSeq } from './blockSeq';
import { emptyScalar, schema } from './scalars';
import { HASH, isSeqIndicator, lineEndOf, skipSpaces, type Source } from './source';
import { scanAfterKey, scanAfterValue, type After } from './trivia';

export interface BlockResult<N> {
  readonly node: N;
  readonly after: After;
}

/**
 * A block mapping (YAML 1.2.2 §8.2.2) whose first key is at `keyPos`, in column `indent` (after `- ` for a
 * compact mapping in a sequence entry). It ends at a less indented line or at the end of the chunk.
 */
export function parseBlockMap(
  src: Source,
  keyPos: number,
  indent: number,
  firstKey: KeyResult | null,
): BlockResult<YAMLMap> {
  const { text } = src;
  const map = new YAMLMap(schema);
  let pos = keyPos;
  let key = firstKey;
  for (;;) {
    const eol = lineEndOf(src, pos);
    key ??= tryParseKey(src, pos, eol);
    if (key === null) return bail('expected a mapping key');
    const keyNode = key.node;
    // uniqueKeys: resolve-block-map.js reports DUPLICATE_KEY for equal scalar values (util-map-includes.js)
    if (map.items.some((pair) => (pair.key as Scalar).value === keyNode.value)) bail('duplicate key');
    const q = skipSpaces(src, key.colon + 1, eol);
    let value: Scalar | YAMLMap | YAMLSeq;
    let after: After;
    if (q >= eol || text.charCodeAt(q) === HASH) {
      const sep = scanAfterKey(src, key.colon, indent);
      if (sep.indent > indent || (sep.indent === indent && isSeqIndicator(src, sep.next))) {
        // the value is a block collection on the next lines; a sequence may sit at the key's own column
        const nested = parseNestedBlock(src, sep.next, sep.indent);
        value = nested.node;
        after = nested.after;
      } else {
        // empty value: its range[2] covers `sep` only when `sep` holds a comment (composeEmptyNode)
        const retainedEnd = sep.indent === indent && sep.cut !== -1 ? sep.cut : sep.next;
        const hasComment = sep.firstComment !== -1 && sep.firstComment < retainedEnd;
        value = emptyScalar(sep.emptyAt, hasComment ? retainedEnd : sep.emptyAt);
        after = { next: sep.next, indent: sep.indent, pendingStart: -1, maxCommentIndent: -1 };
      }
    } else {
      const inline = parseInlineValue(src, q, eol, indent);
      value = inline.node;
      after = scanAfterValue(src, inline.from, indent, inline.attachable ? rangeOf(value) : null);
    }
    map.items.push(new Pair(keyNode, value));
    const lastEnd = rangeOf(value)[2];
    if (after.indent === indent) {
      if (isSeqIndicator(src, after.next)) bail('sequence entry at the column of mapping keys');
      pos = after.next;
      key = null;
      continue;
    }
    if (after.indent > indent) bail('more indented line after a value');
    return { node: map, after: endCollection(map, keyPos, lastEnd, after, indent) };
  }
}

/** A block mapping or sequence that starts at `pos` (column `indent`) on its own line. */
export function parseNestedBlock(src: Source, pos: number, indent: number): BlockResult<YAMLMap | YAMLSeq> {
  if (isSeqIndicator(src, pos)) return parseBlockSeq(src, pos, indent);
  const key = tryParseKey(src, pos, lineEndOf(src, pos));
  if (key === null) return bail('unsupported block node');
  return parseBlockMap(src, pos, indent, key);
}

export function rangeOf(node: Scalar | YAMLMap | YAMLSeq): [number, number, number] {
  const range = node.range;
  if (!range) return bail('node without range');
  return range;
}
