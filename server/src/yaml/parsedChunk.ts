import { parseAllDocuments, type Document, type Node } from 'yaml';
import { fastParseDocument } from './fast/fastParseDocument';
import { shiftDocumentOffsets, shiftNodeOffsets, shiftRange } from './shiftOffsets';
import { EMPTY_LIST } from '../emptyList';

/** One document of a chunk, as the parser gave it. Offsets are in file coordinates at `chunk.base`. */
export interface ChunkDocument {
  /** The `yaml` library's document; absent when the fast path parsed it (it has no aliases to resolve). */
  readonly document?: Document.Parsed;
  /** [start, value end, end] of the whole document. */
  readonly range: [number, number, number];
  /** Syntax errors with offsets relative to the chunk's start, so they never need shifting. */
  readonly errors: readonly ChunkProblem[];
}

export interface ChunkProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly yamlCode: string;
}

/**
 * The parse of one slice of a file (normally one document, see documentChunks.ts). It outlives the file
 * version it was parsed for: when an edit leaves its text unchanged, the next version re-uses it and only
 * shifts its offsets (`moveTo`). Per-document caches key on this object.
 *
 * A chunk the fast path parsed can let go of its syntax tree (`releaseTrees`) and build it again from its
 * text when asked: the open of a large file reads what its checks need from each document while the tree is
 * young (yamlFile.ts, `DocumentDigest`), so the trees die in the young generation instead of being copied
 * twice by the scavenger and kept for the file's lifetime (bench/notes.md). Parsing is deterministic, so the
 * rebuilt tree equals the first one.
 */
export class ParsedChunk {
  private offset: number;
  /** Each document's root node; undefined while released. */
  private roots: (Node | null)[] | undefined;
  /**
   * Index in its file of the chunk's first document when it was last digested (yamlFile.ts); -1 before.
   * Per-document memos name the index, so a chunk re-used at another index is read (and digested) again.
   */
  digestedAt = -1;

  constructor(
    readonly text: string,
    start: number,
    readonly documents: readonly ChunkDocument[],
    roots: (Node | null)[],
    /** True when the fast path parsed the text, so the tree can be rebuilt from it alone. */
    readonly rebuildable: boolean,
  ) {
    this.offset = start;
    this.roots = roots;
  }

  /** File offset of the chunk's first character, i.e. where its nodes' offsets are currently based. */
  get start(): number {
    return this.offset;
  }

  /** The root node of document `index` of the chunk, rebuilt from the text if it was released. */
  rootOf(index: number): Node | null {
    const roots = this.roots ?? this.rebuild();
    return roots[index] ?? null;
  }

  /** True while the syntax tree is held (not released, or rebuilt since). */
  get holdsTrees(): boolean {
    return this.roots !== undefined;
  }

  /**
   * Drops the syntax tree when it can be rebuilt (fast path); a library parse is kept, since its documents
   * resolve aliases against their own nodes.
   */
  releaseTrees(): void {
    if (this.rebuildable) this.roots = undefined;
  }

  /** Moves the chunk's nodes to a new file offset, in place. */
  moveTo(start: number): void {
    const delta = start - this.offset;
    if (delta === 0) return;
    // `range` and the roots are the library document's own range and contents when the library parsed it.
    for (const part of this.documents) shiftRange(part.range, delta);
    for (const root of this.roots ?? EMPTY_LIST) shiftNodeOffsets(root, delta);
    this.offset = start;
  }

  private rebuild(): (Node | null)[] {
    rebuilds.count++;
    const fast = fastParseDocument(this.text, 0, this.text.length);
    // The same text took the fast path before; a parser that changed its mind would be a bug, and the
    // library's parse of the text is then the faithful answer.
    const root = fast
      ? fast.contents
      : (parseChunkWithLibrary(this.text, 0, this.text.length).rootOf(0) ?? null);
    shiftNodeOffsets(root, this.offset);
    this.roots = [root];
    return this.roots;
  }
}

/** How many syntax trees were rebuilt after a release, for tests that check the open rebuilds none. */
export const rebuilds = { count: 0 };

/**
 * Parses text[start, end): the fast path for the plain Kubernetes subset (fast/fastParseDocument.ts, the
 * same nodes and ranges as the library), else the `yaml` library.
 */
export function parseChunk(text: string, start: number, end: number): ParsedChunk {
  const fast = fastParseDocument(text, start, end);
  if (!fast) return parseChunkWithLibrary(text, start, end);
  return new ParsedChunk(
    text.slice(start, end),
    start,
    [{ range: fast.range, errors: EMPTY_LIST }],
    [fast.contents],
    true,
  );
}

export const YAML_PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/**
 * Parses text[start, end) with the `yaml` library, offsets shifted into file coordinates. Throws what the
 * parser throws (pathological nesting can overflow its stack); the caller reports it.
 */
export function parseChunkWithLibrary(text: string, start: number, end: number): ParsedChunk {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const result = parseAllDocuments(slice, YAML_PARSE_OPTIONS);
  const parsed = Array.isArray(result) ? result : [];
  // Pathological nesting exhausts the stack; the library then reports it at every level it unwinds
  // through (dozens of identical errors). Give up on the file with one message, as when it throws.
  const exhausted = parsed
    .flatMap((document) => document.errors)
    .find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) throw new RangeError(exhausted.message);
  const documents = parsed.map((document): ChunkDocument => {
    // Errors keep chunk-relative offsets (taken before the shift below).
    const errors = document.errors.map((e) => ({
      message: e.message,
      start: e.pos[0],
      end: Math.max(e.pos[1], e.pos[0] + 1),
      yamlCode: e.code,
    }));
    shiftDocumentOffsets(document, start);
    return { document, range: document.range, errors };
  });
  const roots = parsed.map((document) => document.contents);
  return new ParsedChunk(slice, start, documents, roots, false);
}
