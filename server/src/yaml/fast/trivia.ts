import { HASH, NEWLINE, SPACE, lineEndOf, type Source } from './source';

/**
 * What follows a finished node: the next content token and the comment / blank-line tokens that the
 * yaml parser (parse/parser.js) still holds in a trailing "start-only" item of the innermost collection.
 * Those tokens decide the collections' `range[2]` when they are popped.
 */
export interface After {
  /** Offset of the next content token (after its indentation), or `src.end` when the chunk ends. */
  readonly next: number;
  /** Column of that token, -1 when the chunk ends. */
  readonly indent: number;
  /** First offset of the held trivia tokens, -1 if none are held. They run up to `next`. */
  readonly pendingStart: number;
  /** Largest column of a comment among the held tokens, -1 if none. */
  readonly maxCommentIndent: number;
}

/**
 * Scans the lines after a value that ended its line (its `end` tokens already include the newline), in a
 * block collection whose indent is `collIndent`, mirroring parser.js `blockMap`/`blockSequence` for
 * newline, space and comment tokens:
 * - a token after the value opens a start-only item, except a newline right after an end comment;
 * - a comment more indented than the collection, preceded in that item only by spaces and newlines, is
 *   moved into the value's `end` (`atIndentedComment`), and so is the newline after it. `range` (the
 *   value's range) then grows; `range` is null for values without `end` tokens (block scalars).
 */
export function scanAfterValue(
  src: Source,
  from: number,
  collIndent: number,
  range: [number, number, number] | null,
): After {
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
      const eol = lineEndOf(src, q);
      const column = q - p;
      if (pending === -1) {
        pending = q;
        pendingPlain = false;
        maxComment = column;
      } else if (range !== null && pendingPlain && column > collIndent) {
        range[2] = eol;
        pending = -1;
        endIsComment = true;
      } else {
        pendingPlain = false;
        if (column > maxComment) maxComment = column;
      }
      if (eol >= end) return { next: end, indent: -1, pendingStart: pending, maxCommentIndent: maxComment };
      if (pending === -1 && range !== null) range[2] = eol + 1;
      endIsComment = false;
      p = eol + 1;
      continue;
    }
    if (c === NEWLINE) {
      if (pending === -1) {
        if (endIsComment && range !== null) {
          range[2] = q + 1;
          endIsComment = false;
        } else {
          pending = q;
          pendingPlain = true;
          maxComment = -1;
        }
      }
      p = q + 1;
      continue;
    }
    if (c === -1) break;
    return { next: q, indent: q - p, pendingStart: pending, maxCommentIndent: maxComment };
  }
  return { next: end, indent: -1, pendingStart: pending, maxCommentIndent: maxComment };
}

/** The lines after `key:` with nothing after the indicator: every token goes into the pair's `sep`. */
export interface AfterKey {
  readonly next: number;
  readonly indent: number;
  /** Where an empty value would sit: after `:` and the spaces that follow it (emptyScalarPosition). */
  readonly emptyAt: number;
  /** Offset of the first comment in `sep`, -1 if none. */
  readonly firstComment: number;
  /**
   * Offset of the second newline after the last "reset" (the `:` or a comment more indented than the
   * map), -1 if there is none: when the next key is at the map's indent, parser.js `blockMap` moves the
   * tokens from there on to the next item (`it.sep.splice(nl[1])`).
   */
  readonly cut: number;
}

export function scanAfterKey(src: Source, colon: number, mapIndent: number): AfterKey {
  const { text, end } = src;
  const eol = lineEndOf(src, colon);
  let q = colon + 1;
  while (q < eol && text.charCodeAt(q) === SPACE) q++;
  const emptyAt = q;
  // The key line's own comment has the line's indent, which is the map's: it never resets.
  let firstComment = q < eol ? q : -1;
  let newlines = 0;
  let cut = -1;
  const countNewline = (at: number): void => {
    newlines++;
    if (newlines === 2) cut = at;
  };
  if (eol >= end) return { next: end, indent: -1, emptyAt, firstComment, cut };
  countNewline(eol);
  let p = eol + 1;
  while (p < end) {
    q = p;
    while (q < end && text.charCodeAt(q) === SPACE) q++;
    const c = q < end ? text.charCodeAt(q) : -1;
    if (c === HASH) {
      if (firstComment === -1) firstComment = q;
      if (q - p > mapIndent) {
        newlines = 0;
        cut = -1;
      }
      const lineEnd = lineEndOf(src, q);
      if (lineEnd >= end) break;
      countNewline(lineEnd);
      p = lineEnd + 1;
    } else if (c === NEWLINE) {
      countNewline(q);
      p = q + 1;
    } else if (c === -1) {
      break;
    } else {
      return { next: q, indent: q - p, emptyAt, firstComment, cut };
    }
  }
  return { next: end, indent: -1, emptyAt, firstComment, cut };
}
