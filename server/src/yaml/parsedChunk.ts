import { parseAllDocuments, type Document, type Node } from 'yaml';
import { fastParseDocument } from './fast/fastParseDocument';
import { shiftDocumentOffsets, shiftNodeOffsets, shiftRange } from './shiftOffsets';
import { EMPTY_LIST } from '../emptyList';

/** One document of a chunk, as the parser gave it. Offsets are in file coordinates at `chunk.base`. */
export interface ChunkDocument {
  /** The `yaml` library's document; absent when the fast path parsed it (it has no aliases to resolve). */
  readonly document?: Document.Parsed;
  readonly root: Node | null;
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
 */
export class ParsedChunk {
  private offset: number;

  constructor(
    readonly text: string,
    start: number,
    readonly documents: readonly ChunkDocument[],
  ) {
    this.offset = start;
  }

  /** File offset of the chunk's first character, i.e. where its nodes' offsets are currently based. */
  get start(): number {
    return this.offset;
  }

  /** Moves the chunk's nodes to a new file offset, in place. */
  moveTo(start: number): void {
    const delta = start - this.offset;
    if (delta === 0) return;
    // `range` and `root` are the library document's own range and contents when the library parsed it.
    for (const part of this.documents) {
      shiftRange(part.range, delta);
      shiftNodeOffsets(part.root, delta);
    }
    this.offset = start;
  }
}

/**
 * Parses text[start, end): the fast path for the plain Kubernetes subset (fast/fastParseDocument.ts, the
 * same nodes and ranges as the library), else the `yaml` library.
 */
export function parseChunk(text: string, start: number, end: number): ParsedChunk {
  const fast = fastParseDocument(text, start, end);
  if (!fast) return parseChunkWithLibrary(text, start, end);
  return new ParsedChunk(text.slice(start, end), start, [
    { root: fast.contents, range: fast.range, errors: EMPTY_LIST },
  ]);
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
    return { document, root: document.contents, range: document.range, errors };
  });
  return new ParsedChunk(slice, start, documents);
}
