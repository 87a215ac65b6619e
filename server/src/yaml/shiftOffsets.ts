import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import { shiftFastNode, shiftPairKey } from './fast/nodeFactory';

type Range3 = [number, number, number];

/**
 * Moves every offset of a parsed document by `delta`, in place: a document re-used after an edit earlier
 * in the file keeps its nodes (no re-parse) and only its position changes. Iterative, so a pathologically
 * deep document cannot overflow the stack.
 */
export function shiftNodeOffsets(root: unknown, delta: number): void {
  if (delta === 0) return;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      // A key not built yet has only its two offsets, moved here (fast/nodeFactory.ts).
      stack.push(shiftPairKey(node, delta), node.value);
    } else if (isMap(node) || isSeq(node)) {
      if (!shiftFastNode(node, delta)) shiftRange(node.range, delta);
      for (const item of node.items) stack.push(item);
    } else if (isScalar(node) || isAlias(node)) {
      if (!shiftFastNode(node, delta)) shiftRange(node.range, delta);
    }
  }
}

/** Shifts the document's own range and its contents. */
export function shiftDocumentOffsets(document: Document.Parsed, delta: number): void {
  if (delta === 0) return;
  shiftRange(document.range, delta);
  shiftNodeOffsets(document.contents, delta);
}

/** Moves one node's or document's [start, value end, end] in place. */
export function shiftRange(range: Range3 | null | undefined, delta: number): void {
  if (!range) return;
  range[0] += delta;
  range[1] += delta;
  range[2] += delta;
}
