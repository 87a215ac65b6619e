import { type Scalar } from 'yaml';
import { emptyScalar } from './scalars';
import type { Scanner } from './scanner';

const SPACE = 0x20;
const HASH = 0x23;

/**
 * The empty value of `key:` when nothing follows the indicator before the next key or the end of the map.
 * Every token after `:` went into the pair's `sep` (parser.js `blockMap`); compose-node.js
 * `composeEmptyNode` places the node after `:` and its spaces, and ends its range after `sep` only when
 * `sep` holds a comment. When the next key is at the map's indent (`nextAtMapIndent`), parser.js first
 * moves the tokens from the second newline after the last "reset" (the `:` itself, or a comment more
 * indented than the map) on to the next item (`it.sep.splice(nl[1])`). Empty values are rare, so this
 * rescans the lines up to `next` (the next content token, already found).
 */
export function emptyValueAfterKey(
  src: Scanner,
  colon: number,
  mapIndent: number,
  next: number,
  nextAtMapIndent: boolean,
): Scalar {
  const { text } = src;
  const eol = src.lineEnd(colon);
  const emptyAt = src.skipSpaces(colon + 1, eol);
  // The key line's own comment has the line's indent, which is the map's: it never resets.
  let firstComment = emptyAt < eol ? emptyAt : -1;
  let newlines = 0;
  let cut = -1;
  let p = eol;
  while (p < next) {
    const breakLength = src.breakLength(p);
    if (breakLength > 0) {
      newlines++;
      if (newlines === 2) cut = p;
      p += breakLength;
      continue;
    }
    const q = src.skipSpaces(p, next);
    if (q < next && text.charCodeAt(q) === HASH) {
      if (firstComment === -1) firstComment = q;
      if (q - p > mapIndent) {
        newlines = 0;
        cut = -1;
      }
      p = src.lineEnd(q);
    } else {
      p = q;
      if (p < next && text.charCodeAt(p) !== SPACE && src.breakLength(p) === 0) break;
    }
  }
  const retainedEnd = nextAtMapIndent && cut !== -1 ? cut : next;
  const hasComment = firstComment !== -1 && firstComment < retainedEnd;
  return emptyScalar(emptyAt, hasComment ? retainedEnd : emptyAt);
}
