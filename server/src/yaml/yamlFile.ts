import type { Document, Node } from 'yaml';
import { commonAffixes } from './commonAffixes';
import { documentChunkStarts } from './documentChunks';
import { LineIndex } from './lineIndex';
import { parseChunk, parseChunkWithLibrary, type ParsedChunk } from './parsedChunk';
import { keptList } from '../emptyList';

/** A YAML problem with the offsets it covers, before it becomes a Finding. */
export interface YamlProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** The `yaml` library's own error code, e.g. `DUPLICATE_KEY`, `BAD_INDENT`. */
  readonly yamlCode: string;
}

export interface YamlDocument {
  /** Position of the document in its file (0-based), for messages like "document 3". */
  readonly index: number;
  /** The `yaml` library's document, for resolving aliases; absent when the fast path parsed it. */
  readonly document?: Document.Parsed;
  /** The root node, or null for an empty document (rebuilt on demand when released, parsedChunk.ts). */
  readonly root: Node | null;
  /** Offsets of the whole document in the file text. */
  readonly start: number;
  readonly end: number;
  /** Syntax errors of this document only: other documents of the file are still checked. */
  readonly errors: readonly YamlProblem[];
  /**
   * The parse this document comes from. It is the same object in the next version of the file when the
   * document's text did not change (only moved), so per-document caches key on it.
   */
  readonly chunk: ParsedChunk;
  /** Line of the file on which `chunk` starts; chunks start at column 0, so a move shifts only lines. */
  readonly chunkLine: number;
}

/** A document of a parsed chunk; its root is the chunk's, so a released tree is rebuilt when read. */
class ChunkPart implements YamlDocument {
  constructor(
    readonly index: number,
    readonly document: Document.Parsed | undefined,
    readonly start: number,
    readonly end: number,
    readonly errors: readonly YamlProblem[],
    readonly chunk: ParsedChunk,
    readonly chunkLine: number,
    private readonly part: number,
  ) {}

  get root(): Node | null {
    return this.chunk.rootOf(this.part);
  }
}

/**
 * Reads what a document's checks need from its syntax tree (policies, images, Secrets, schema findings) into
 * the per-document memos, called by `parseYamlFile` right after each document is parsed (and for a re-used
 * one whose index changed, since memos name it). The tree is then released (parsedChunk.ts): read while it
 * is young, it never survives into the old generation. `file` is complete but for `documents` and `chunks`,
 * which hold only those parsed so far.
 */
export type DocumentDigest = (file: YamlFile, doc: YamlDocument) => void;

/** One parsed file: every document, plus the line index to turn offsets into ranges. */
export interface YamlFile {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly documents: readonly YamlDocument[];
  /** Every chunk of the file in order, also those holding no document (comments only). */
  readonly chunks: readonly ParsedChunk[];
  /** Set when the file was not parsed at all (too large, binary, parser failure). */
  readonly skipped?: { readonly reason: 'too-large' | 'binary' | 'parser-failure'; readonly message: string };
}

export interface ParseLimits {
  /** Files larger than this (UTF-16 code units ≈ bytes for YAML) are skipped with one finding. */
  readonly maxFileChars: number;
  /** Aliases resolved per document before the document is treated as an alias bomb. */
  readonly maxAliasCount: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxFileChars: 10 * 1024 * 1024,
  maxAliasCount: 200,
};

/** A NUL in the first 8 KiB is how git and most editors tell binary files from text. */
function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/**
 * Parses a file document by document (documentChunks.ts). With `previous`, the parse of an older version of
 * the same file, every document whose text is unchanged is re-used and only moved, so an edit costs the
 * parse of the documents it touched.
 */
export function parseYamlFile(
  uri: string,
  version: number,
  text: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  previous?: YamlFile,
  digest?: DocumentDigest,
): YamlFile {
  const edit = previous && !previous.skipped ? commonAffixes(previous.text, text) : undefined;
  const lines =
    previous && edit
      ? LineIndex.afterEdit(previous.lines, text, edit.prefix, edit.suffix)
      : new LineIndex(text);
  const base = { uri, version, text, lines, chunks: [] };
  if (text.length > limits.maxFileChars) {
    const mb = (limits.maxFileChars / (1024 * 1024)).toFixed(0);
    return {
      ...base,
      documents: [],
      skipped: { reason: 'too-large', message: `File is larger than ${mb} MB and was not checked.` },
    };
  }
  if (looksBinary(text)) {
    return {
      ...base,
      documents: [],
      skipped: {
        reason: 'binary',
        message: 'File looks binary (it contains NUL bytes) and was not checked.',
      },
    };
  }
  const chunks: ParsedChunk[] = [];
  const documents: YamlDocument[] = [];
  const file: YamlFile = { ...base, chunks, documents };
  const add = (chunk: ParsedChunk): void => {
    chunks.push(chunk);
    const chunkLine = lines.positionAt(chunk.start).line;
    const first = documents.length;
    chunk.documents.forEach((part, at) => {
      const errors = keptList(
        part.errors.map((e) => ({ ...e, start: e.start + chunk.start, end: e.end + chunk.start })),
      );
      documents.push(
        new ChunkPart(
          documents.length,
          part.document,
          part.range[0],
          part.range[2],
          errors,
          chunk,
          chunkLine,
          at,
        ),
      );
    });
    // A re-used chunk's memos are already filled, unless documents inserted or removed above changed its
    // index, which they name (documentMemo.ts): its tree is then rebuilt, read and released once more.
    if (!digest || !chunk.rebuildable || chunk.digestedAt === first) return;
    chunk.digestedAt = first;
    for (const doc of documents.slice(first)) {
      try {
        digest(file, doc);
      } catch {
        // The check that needs the same read makes it again from the rebuilt tree, and reports the failure.
      }
    }
    chunk.releaseTrees();
  };
  try {
    parseChunks(text, previous && edit ? { file: previous, ...edit } : undefined, add);
  } catch (error: unknown) {
    // The parser is recursive in places; pathological nesting can overflow the stack. Report, never crash.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      documents: [],
      skipped: { reason: 'parser-failure', message: `The YAML parser gave up: ${message}` },
    };
  }
  return file;
}

/** The previous version of a file and what it shares with the new text (commonAffixes). */
interface PreviousVersion {
  readonly file: YamlFile;
  readonly prefix: number;
  readonly suffix: number;
}

/**
 * The chunks of `text`, re-using (and moving) those of the previous version whose text is unchanged. A chunk
 * inside the shared prefix or suffix is found by position, without comparing its text; the others (the
 * edited ones, or documents moved by a cut and paste) by their text.
 */
function parseChunks(
  text: string,
  previous: PreviousVersion | undefined,
  add: (chunk: ParsedChunk) => void,
): void {
  const starts = documentChunkStarts(text);
  if (!starts) {
    add(parseChunkWithLibrary(text, 0, text.length));
    return;
  }
  if (!previous) {
    starts.forEach((start, i) => add(parseChunk(text, start, starts[i + 1] ?? text.length)));
    return;
  }
  const { file, prefix, suffix } = previous;
  const delta = text.length - file.text.length;
  const byStart = new Map<number, ParsedChunk>();
  for (const chunk of file.chunks) byStart.set(chunk.start, chunk);
  const used = new Set<ParsedChunk>();
  let byText: Map<string, ParsedChunk[]> | undefined;
  const take = (chunk: ParsedChunk | undefined, start: number, length: number): ParsedChunk | undefined => {
    if (!chunk || used.has(chunk) || chunk.text.length !== length) return undefined;
    used.add(chunk);
    chunk.moveTo(start);
    return chunk;
  };
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? text.length;
    const length = end - start;
    // Both versions hold these characters unchanged: the same chunk, at the same or a moved offset.
    const kept =
      (end <= prefix ? take(byStart.get(start), start, length) : undefined) ??
      (start >= text.length - suffix ? take(byStart.get(start - delta), start, length) : undefined);
    if (kept) {
      add(kept);
      return;
    }
    const slice = text.slice(start, end);
    byText ??= chunksByText(file.chunks);
    const candidates = byText.get(slice)?.filter((chunk) => !used.has(chunk));
    add(take(candidates?.[0], start, length) ?? parseChunk(text, start, end));
  });
}

function chunksByText(chunks: readonly ParsedChunk[]): Map<string, ParsedChunk[]> {
  const byText = new Map<string, ParsedChunk[]>();
  for (const chunk of chunks) {
    const same = byText.get(chunk.text);
    if (same) same.push(chunk);
    else byText.set(chunk.text, [chunk]);
  }
  return byText;
}
