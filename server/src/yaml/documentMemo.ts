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

// A chunk's memos in one flat array, FIELDS entries per slot: [name, value, start, line, index, uri,
// context]. A chunk has about ten slots across the stores; a Map per chunk and a record object per slot
// were ~20,000 objects for a 2,000-document file, all kept while it is open.
const NAME = 0;
const VALUE = 1;
const START = 2;
const LINE = 3;
const INDEX = 4;
const URI = 5;
const CONTEXT = 6;
const FIELDS = 7;

function slotAt(records: readonly unknown[], name: string): number {
  for (let at = 0; at < records.length; at += FIELDS) if (records[at + NAME] === name) return at;
  return -1;
}

/**
 * Values derived from one parsed document, computed once per document text: later versions of the file
 * that keep the document's text (documentChunks.ts) get them back, moved with `move` when an edit above
 * shifted the document (recomputed when there is no `move`). Values that name the document's index, file
 * or context are recomputed when those change. `slot` names the kind of value; each slot keeps one memo
 * per document. A service keeps its own store when the context is its own state (e.g. its policy index).
 */
export class DocumentMemos {
  private readonly memos = new WeakMap<ParsedChunk, unknown[]>();

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
    const known = this.memos.get(doc.chunk);
    const at = known ? slotAt(known, name) : -1;
    if (
      known &&
      at !== -1 &&
      known[at + INDEX] === doc.index &&
      known[at + URI] === key.uri &&
      known[at + CONTEXT] === context
    ) {
      // Safe: only `get` writes this slot, always with a T.
      const value = known[at + VALUE] as T;
      // Both can change alone: an edit above that keeps the length but adds a line break moves only lines.
      const start = known[at + START] as number;
      const line = known[at + LINE] as number;
      if (start === doc.start && line === doc.chunkLine) return value;
      if (move) {
        const moved = move(value, { offset: doc.start - start, lines: doc.chunkLine - line });
        known[at + VALUE] = moved;
        known[at + START] = doc.start;
        known[at + LINE] = doc.chunkLine;
        return moved;
      }
    }
    const value = compute();
    // `compute` may have memoised other slots of this chunk (e.g. images from kube objects): look again.
    const records = this.memos.get(doc.chunk);
    const write = records ? slotAt(records, name) : -1;
    if (!records || write === -1) {
      // A new slot: records of exactly the new length (`concat`), as `push` would leave room for ~30 more
      // values in every chunk's records, which the scavenges copy too (keptList, emptyList.ts).
      const slot = [name, value, doc.start, doc.chunkLine, doc.index, key.uri, internContext(context)];
      this.memos.set(doc.chunk, records ? records.concat(slot) : slot);
      return value;
    }
    records[write + VALUE] = value;
    records[write + START] = doc.start;
    records[write + LINE] = doc.chunkLine;
    records[write + INDEX] = doc.index;
    records[write + URI] = key.uri;
    records[write + CONTEXT] = internContext(context);
    return value;
  }
}

/**
 * One string per distinct context. Every document of a file gets its context built afresh (settings and
 * policy sets, e.g. trust's `settings\npolicy-sets`), as a chain of concatenation nodes; the memo keeps it
 * for as long as the file is open, yet a file has a handful of distinct contexts. Interned when stored, not
 * when looked up (a hit compares by value). The table is cleared when it fills, so contexts of settings no
 * longer in use cannot grow it without bound.
 */
const MAX_CONTEXTS = 1024;
const contexts = new Map<string, string>();

function internContext(context: string): string {
  if (context.length === 0) return context;
  const known = contexts.get(context);
  if (known !== undefined) return known;
  if (contexts.size >= MAX_CONTEXTS) contexts.clear();
  contexts.set(context, context);
  return context;
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
