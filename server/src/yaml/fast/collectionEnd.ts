import type { YAMLMap, YAMLSeq } from 'yaml';
import { setRange } from './nodeFactory';
import type { Scanner } from './scanner';

/**
 * A block collection is popped (parser.js `pop`) when a token is less indented than it, or at the end of
 * the chunk. A trailing start-only item of comments and blank lines (the scanner's `pendingStart`) moves
 * to the parent when the collection is at column 0 or every comment in it is less indented than the
 * collection; otherwise it stays, and resolve-block-map.js / resolve-block-seq.js end the collection's
 * range after it (`commentEnd`).
 *
 * The collection's items are those pushed on `src.openItems` since `mark`; they move into an array of
 * their exact length. Pushing onto each collection's own array instead grew it to room for 17 items at the
 * first push and then copied it to its length: two arrays of garbage per collection (sampled heap profile:
 * the 42,000-line benchmark file's parse allocated 20.0 MB that way, 16.0 MB this way).
 */
export function endCollection(
  src: Scanner,
  node: YAMLMap | YAMLSeq,
  mark: number,
  start: number,
  lastEnd: number,
  indent: number,
): void {
  node.items = src.openItems.splice(mark);
  if (src.pendingStart !== -1 && indent !== 0 && src.maxCommentIndent >= indent) {
    setRange(node, start, lastEnd, src.next);
    src.pendingStart = -1;
    src.maxCommentIndent = -1;
  } else {
    setRange(node, start, lastEnd, lastEnd);
  }
}
