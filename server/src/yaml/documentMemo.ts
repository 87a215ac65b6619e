import type { ParsedChunk } from './parsedChunk';
import type { YamlDocument } from './yamlFile';

/** How far a document moved since a memoised value was computed for it. */
export interface DocumentMove {
  /** Offset delta (file offsets, UTF-16 code units). */
  readonly offset: number;
  /** Line delta; characters never change, because documents start at column 0. */
  readonly lines: number;
}

/** What a memoised value was computed for, besides the document's text. */
export interface MemoKey {
  /** The file: values that name it (spans, quick-fix targets) are recomputed for another one. */
  readonly uri: string;
  /** Anything else the value depends on (settings, policy sets); a different context recomputes it. */
  readonly context?: string;
}

interface Memo {
  readonly value: unknown;
  readonly start: number;
  readonly line: number;
  readonly index: number;
  readonly uri: string;
  readonly context: string;
}

/**
 * Values derived from one parsed document, computed once per document text: later versions of the file
 * that keep the document's text (documentChunks.ts) get them back, moved with `move` when an edit above
 * shifted the document (recomputed when there is no `move`). Values that name the document's index, file
 * or context are recomputed when those change. `slot` names the kind of value; each slot keeps one memo
 * per document. A service keeps its own store when the context is its own state (e.g. its policy index).
 */
export class DocumentMemos {
  private readonly memos = new WeakMap<ParsedChunk, Map<string, Memo>>();

  get<T>(
    slot: string,
    key: MemoKey,
    doc: YamlDocument,
    compute: () => T,
    move?: (value: T, by: DocumentMove) => T,
  ): T {
    const context = key.context ?? '';
    // Almost every chunk holds one document, at its start: no key to build then.
    const within = doc.start - doc.chunk.start;
    const name = within === 0 ? slot : `${slot}@${within}`;
    let slots = this.memos.get(doc.chunk);
    const memo = slots?.get(name);
    if (memo && memo.index === doc.index && memo.uri === key.uri && memo.context === context) {
      // Safe: only `get` writes this slot, always with a T.
      const value = memo.value as T;
      // Both can change alone: an edit above that keeps the length but adds a line break moves only lines.
      if (memo.start === doc.start && memo.line === doc.chunkLine) return value;
      if (move) {
        const moved = move(value, { offset: doc.start - memo.start, lines: doc.chunkLine - memo.line });
        slots?.set(name, { ...memo, value: moved, start: doc.start, line: doc.chunkLine });
        return moved;
      }
    }
    const value = compute();
    if (!slots) {
      slots = new Map();
      this.memos.set(doc.chunk, slots);
    }
    slots.set(name, {
      value,
      start: doc.start,
      line: doc.chunkLine,
      index: doc.index,
      uri: key.uri,
      context,
    });
    return value;
  }
}

/** The store of values that depend on the document alone (policies, kube objects, images, Secrets). */
const documentOnly = new DocumentMemos();

/** `DocumentMemos.get` on the shared store, for values that depend on nothing but the document and its file. */
export function memoByDocument<T>(
  slot: string,
  uri: string,
  doc: YamlDocument,
  compute: () => T,
  move: (value: T, by: DocumentMove) => T,
): T {
  return documentOnly.get(slot, { uri }, doc, compute, move);
}
