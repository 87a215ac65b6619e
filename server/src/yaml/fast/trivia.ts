import type { Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { setRangeEnd } from './nodeFactory';
import type { Scanner } from './scanner';

const SPACE = 0x20;
const NEWLINE = 0x0a;
const CR = 0x0d;
const HASH = 0x23;

/**
 * What follows a finished node is left in the scanner's "after" registers:
 * - `next`: offset of the next content token (after its indentation), or `end` when the chunk ends;
 * - `indent`: column of that token, -1 when the chunk ends;
 * - `pendingStart`: first offset of the comment / blank-line tokens that yaml's parser (parse/parser.js)
 *   still holds in a trailing start-only item of the innermost collection, -1 if none; they run up to
 *   `next` and decide the collections' `range[2]` when they are popped (collectionEnd.ts);
 * - `maxCommentIndent`: the largest column of a comment among those tokens, -1 if none.
 *
 * `scanAfterValue` scans the lines after a value that ended its line (its `end` tokens already include
 * the newline), in a block collection with indent `collIndent`, mirroring parser.js `blockMap` and
 * `blockSequence` for newline, space and comment tokens:
 * - a token after the value opens a start-only item, except a newline right after an end comment;
 * - a comment more indented than the collection, preceded in that item only by spaces and newlines, is
 *   moved into the value's `end` (`atIndentedComment`), and so is the newline after it. The value's
 *   range then grows; `node` is null for values without `end` tokens (block scalars).
 */
export function scanAfterValue(
  src: Scanner,
  from: number,
  collIndent: number,
  node: Scalar | YAMLMap | YAMLSeq | null,
): void {
  const { text, end } = src;
  let p = from;
  let pending = -1;
  let pendingPlain = true;
  let maxComment = -1;
  let endIsComment = false;
  while (p < end) {
    let q = p;
    while (q < end && text.charCodeAt(q) === SPACE) q++;
    const c = q < end ? text.charCodeAt(q) : -1;
    if (q > p && pending === -1) {
      pending = p;
      pendingPlain = true;
      maxComment = -1;
    }
    if (c === HASH) {
      const eol = src.lineEnd(q);
      const column = q - p;
      if (pending === -1) {
        pending = q;
        pendingPlain = false;
        maxComment = column;
      } else if (node !== null && pendingPlain && column > collIndent) {
        setRangeEnd(node, eol);
        pending = -1;
        endIsComment = true;
      } else {
        pendingPlain = false;
        if (column > maxComment) maxComment = column;
      }
      if (eol >= end) break;
      const next = src.nextLineStart(eol);
      if (pending === -1 && node !== null) setRangeEnd(node, next);
      endIsComment = false;
      p = next;
    } else if (c === NEWLINE || c === CR) {
      const next = q + (c === CR ? 2 : 1);
      if (pending === -1) {
        if (endIsComment && node !== null) {
          setRangeEnd(node, next);
          endIsComment = false;
        } else {
          pending = q;
          pendingPlain = true;
          maxComment = -1;
        }
      }
      p = next;
    } else {
      if (c !== -1) return src.setAfter(q, q - p, pending, maxComment);
      break;
    }
  }
  src.setAfter(end, -1, pending, maxComment);
}

/**
 * Skips comment and blank lines from the line start `from` and sets `next` and `indent` to the next
 * content token (no held trivia: the caller knows where these tokens go).
 */
export function findContent(src: Scanner, from: number): void {
  const { text, end } = src;
  let p = from;
  while (p < end) {
    let q = p;
    while (q < end && text.charCodeAt(q) === SPACE) q++;
    const c = q < end ? text.charCodeAt(q) : -1;
    if (c === HASH) {
      p = src.nextLineStart(src.lineEnd(q));
    } else if (c === NEWLINE || c === CR) {
      p = q + (c === CR ? 2 : 1);
    } else {
      if (c !== -1) return src.setAfter(q, q - p, -1, -1);
      break;
    }
  }
  src.setAfter(end, -1, -1, -1);
}
