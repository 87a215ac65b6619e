import type { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { bail } from './bail';
import { parseBlockSeq } from './blockSeq';
import { endCollection } from './collectionEnd';
import { emptyValueAfterKey } from './emptyValue';
import { parseInlineValue, tryParseKey } from './inlineValue';
import { newMap, newPair, newPlainKeyPair, pairKeyValue, rangeEndOf } from './nodeFactory';
import type { Scanner } from './scanner';
import { findContent, scanAfterValue } from './trivia';

const HASH = 0x23;

/**
 * A block mapping (YAML 1.2.2 §8.2.2) whose first key is at `keyPos` (its `:` at `src.at`, found by the
 * `tryParseKey` that the caller just ran: the scanner's key registers hold it), in column `indent` (after
 * `- ` for a compact mapping in a sequence entry). It ends at a less indented line or at the end of the
 * chunk; the scanner's "after" registers then describe what follows.
 */
export function parseBlockMap(src: Scanner, keyPos: number, indent: number): YAMLMap {
  const { text } = src;
  const map = newMap();
  const items = src.openItems;
  const mark = items.length;
  let keySet: Set<unknown> | null = null;
  let pos = keyPos;
  for (;;) {
    const eol = src.lineEnd(pos);
    if (pos !== keyPos && !tryParseKey(src, pos, eol)) return bail('expected a mapping key');
    // Read the key registers now: parsing the value may find keys of its own.
    const keyNode = src.keyNode;
    const keyValue = src.keyValue;
    const keyEnd = src.keyEnd;
    const colon = src.at;
    keySet = checkUniqueKey(items, mark, keyValue, keySet);
    const q = src.skipSpaces(colon + 1, eol);
    let value: Scalar | YAMLMap | YAMLSeq;
    if (q >= eol || text.charCodeAt(q) === HASH) {
      findContent(src, src.nextLineStart(eol));
      const next = src.next;
      const nextIndent = src.indent;
      if (nextIndent > indent || (nextIndent === indent && src.isSeqIndicator(next))) {
        // the value is a block collection on the next lines; a sequence may sit at the key's own column
        value = parseNestedBlock(src, next, nextIndent);
      } else {
        value = emptyValueAfterKey(src, colon, indent, next, nextIndent === indent);
        src.setAfter(next, nextIndent, -1, -1);
      }
    } else {
      value = parseInlineValue(src, q, eol, indent);
      scanAfterValue(src, src.at, indent, src.attachable ? value : null);
    }
    items.push(
      keyNode === null ? newPlainKeyPair(keyValue as string, pos, keyEnd, value) : newPair(keyNode, value),
    );
    if (src.indent === indent) {
      if (src.isSeqIndicator(src.next)) bail('sequence entry at the column of mapping keys');
      pos = src.next;
      continue;
    }
    if (src.indent > indent) bail('more indented line after a value');
    endCollection(src, map, mark, keyPos, endOf(value), indent);
    return map;
  }
}

/**
 * uniqueKeys: resolve-block-map.js reports DUPLICATE_KEY when a key's scalar value is `===` to an earlier
 * one's (util-map-includes.js); that bails here. The mapping's pairs so far are `items[mark…]`. From 16
 * keys on, their values are kept in a Set so that the check stays linear; a Set agrees with `===` except
 * for NaN, which equals nothing. Returns the Set to pass on (null while the mapping is small).
 */
function checkUniqueKey(
  items: readonly unknown[],
  mark: number,
  value: unknown,
  set: Set<unknown> | null,
): Set<unknown> | null {
  if (set === null && items.length - mark < 16) {
    for (let i = mark; i < items.length; i++) {
      if (pairKeyValue(items[i] as Pair) === value) bail('duplicate key');
    }
    return null;
  }
  const keys = set ?? new Set(items.slice(mark).map((pair) => pairKeyValue(pair as Pair)));
  if (Number.isNaN(value)) return keys;
  if (keys.has(value)) bail('duplicate key');
  keys.add(value);
  return keys;
}

/** A block mapping or sequence that starts at `pos` (column `indent`) on its own line. */
export function parseNestedBlock(src: Scanner, pos: number, indent: number): YAMLMap | YAMLSeq {
  if (src.isSeqIndicator(pos)) return parseBlockSeq(src, pos, indent);
  if (!tryParseKey(src, pos, src.lineEnd(pos))) return bail('unsupported block node');
  return parseBlockMap(src, pos, indent);
}

/** A parsed value's end (`range[2]`); every node the fast parser builds has one. */
export function endOf(node: Scalar | YAMLMap | YAMLSeq): number {
  return rangeEndOf(node) ?? bail('node without range');
}
