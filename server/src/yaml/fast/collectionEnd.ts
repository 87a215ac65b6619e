import type { YAMLMap, YAMLSeq } from 'yaml';
import type { After } from './trivia';

/**
 * A block collection is popped (parser.js `pop`) when a token is less indented than it, or at the end of
 * the chunk. A trailing start-only item of comments and blank lines moves to the parent when the
 * collection is at column 0 or every comment in it is less indented than the collection; otherwise it
 * stays, and resolve-block-map.js / resolve-block-seq.js end the collection's range after it
 * (`commentEnd`).
 */
export function endCollection(
  node: YAMLMap | YAMLSeq,
  start: number,
  lastEnd: number,
  after: After,
  indent: number,
): After {
  if (after.pendingStart !== -1 && indent !== 0 && after.maxCommentIndent >= indent) {
    node.range = [start, lastEnd, after.next];
    return { next: after.next, indent: after.indent, pendingStart: -1, maxCommentIndent: -1 };
  }
  node.range = [start, lastEnd, lastEnd];
  return after;
}
