import type { ParsedChunk } from './parsedChunk';
import type { YamlDocument } from './yamlFile';

/** How far a document moved since a memoised value was computed for it. */
export interface DocumentMove {
  /** Offset delta (file offsets, UTF-16 code units). */
  readonly offset: number;
  /** Line delta; characters never change, because documents start at column 0. */
  readonly lines: number;
}

interface Memo {
  readonly value: unknown;
  readonly start: number;
  readonly line: number;
  readonly index: number;
  readonly uri: string;
}

const memos = new WeakMap<ParsedChunk, Map<string, Memo>>();

/**
 * A value derived from one parsed document, computed once per document text: later versions of the file
 * that keep the document's text (documentChunks.ts) get it back, moved with `move` when an edit above
 * shifted the document. Values that name the document's index or file are recomputed when those change.
 * `slot` names the kind of value; each slot keeps one memo per document.
 */
export function memoByDocument<T>(
  slot: string,
  uri: string,
  doc: YamlDocument,
  compute: () => T,
  move: (value: T, by: DocumentMove) => T,
): T {
  // Almost every chunk holds one document, at its start: no key to build then.
  const within = doc.start - doc.chunk.start;
  const key = within === 0 ? slot : `${slot}@${within}`;
  let slots = memos.get(doc.chunk);
  const memo = slots?.get(key);
  if (memo && memo.index === doc.index && memo.uri === uri) {
    // Safe: only `memoByDocument` writes this slot, always with a T.
    const value = memo.value as T;
    // Both can change alone: an edit above that keeps the length but adds a line break moves only lines.
    if (memo.start === doc.start && memo.line === doc.chunkLine) return value;
    const moved = move(value, { offset: doc.start - memo.start, lines: doc.chunkLine - memo.line });
    slots?.set(key, { ...memo, value: moved, start: doc.start, line: doc.chunkLine });
    return moved;
  }
  const value = compute();
  if (!slots) {
    slots = new Map();
    memos.set(doc.chunk, slots);
  }
  slots.set(key, { value, start: doc.start, line: doc.chunkLine, index: doc.index, uri });
  return value;
}
