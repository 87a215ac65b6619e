import type { Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { keepShapesAlive } from '../../liveShapes';
import { bail } from './bail';
import { parseBlockSeq } from './blockSeq';
import { endCollection } from './collectionEnd';
import { emptyValueAfterKey } from './emptyValue';
import { parseInlineValue, tryParseKey } from './inlineValue';
import { newMap, newPair, rangeEndOf } from './nodeFactory';
import type { Scanner } from './scanner';
import { findContent, scanAfterValue } from './trivia';

const HASH = 0x23;

/**
 * A block mapping (YAML 1.2.2 §8.2.2) whose first key `firstKey` is at `keyPos` (its `:` at `src.at`), in
 * column `indent` (after `- ` for a compact mapping in a sequence entry). It ends at a less indented
 * line or at the end of the chunk; the scanner's "after" registers then describe what follows.
 */
export function parseBlockMap(src: Scanner, keyPos: number, indent: number, firstKey: Scalar): YAMLMap {
  const { text } = src;
  const map = newMap();
  const keys = new KeyValues(map);
  let pos = keyPos;
  let key: Scalar | null = firstKey;
  for (;;) {
    const eol = src.lineEnd(pos);
    key ??= tryParseKey(src, pos, eol);
    if (key === null) return bail('expected a mapping key');
    const colon = src.at;
    if (keys.repeats(key.value)) bail('duplicate key');
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
    map.items.push(newPair(key, value));
    if (src.indent === indent) {
      if (src.isSeqIndicator(src.next)) bail('sequence entry at the column of mapping keys');
      pos = src.next;
      key = null;
      continue;
    }
    if (src.indent > indent) bail('more indented line after a value');
    endCollection(src, map, keyPos, endOf(value), indent);
    return map;
  }
}

/**
 * uniqueKeys: resolve-block-map.js reports DUPLICATE_KEY when a key's scalar value is `===` to an earlier
 * one's (util-map-includes.js). Large mappings keep their key values in a Set, so that the check stays
 * linear; a Set agrees with `===` except for NaN, which equals nothing.
 */
class KeyValues {
  private set: Set<unknown> | null = null;

  constructor(private readonly map: YAMLMap) {}

  /** Whether `value` repeats an earlier key; remembers it otherwise. */
  repeats(value: unknown): boolean {
    const items = this.map.items;
    if (this.set === null && items.length < 16) {
      for (const pair of items) if ((pair.key as Scalar).value === value) return true;
      return false;
    }
    this.set ??= new Set(items.map((pair) => (pair.key as Scalar).value));
    if (Number.isNaN(value)) return false;
    if (this.set.has(value)) return true;
    this.set.add(value);
    return false;
  }
}

// As for Scanner (scanner.ts): one idle instance keeps the shape, and `repeats` stays optimised.
keepShapesAlive(new KeyValues(newMap()));

/** A block mapping or sequence that starts at `pos` (column `indent`) on its own line. */
export function parseNestedBlock(src: Scanner, pos: number, indent: number): YAMLMap | YAMLSeq {
  if (src.isSeqIndicator(pos)) return parseBlockSeq(src, pos, indent);
  const key = tryParseKey(src, pos, src.lineEnd(pos));
  if (key === null) return bail('unsupported block node');
  return parseBlockMap(src, pos, indent, key);
}

/** A parsed value's end (`range[2]`); every node the fast parser builds has one. */
export function endOf(node: Scalar | YAMLMap | YAMLSeq): number {
  return rangeEndOf(node) ?? bail('node without range');
}
