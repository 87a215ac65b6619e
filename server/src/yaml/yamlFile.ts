import { parseAllDocuments, type Document, type Node } from 'yaml';
import { LineIndex } from './lineIndex';

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
  readonly document: Document.Parsed;
  /** The root node, or null for an empty document. */
  readonly root: Node | null;
  /** Offsets of the whole document in the file text. */
  readonly start: number;
  readonly end: number;
  /** Syntax errors of this document only: other documents of the file are still checked. */
  readonly errors: readonly YamlProblem[];
}

/** One parsed file: every document, plus the line index to turn offsets into ranges. */
export interface YamlFile {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly documents: readonly YamlDocument[];
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

export function parseYamlFile(
  uri: string,
  version: number,
  text: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): YamlFile {
  const lines = new LineIndex(text);
  const base = { uri, version, text, lines };
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
  let parsed: Document.Parsed[];
  try {
    // uniqueKeys: a duplicate key is an error in Kubernetes too (the API server rejects it in strict mode).
    const result = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true });
    parsed = Array.isArray(result) ? result : [];
  } catch (error: unknown) {
    // The parser is recursive in places; pathological nesting can overflow the stack. Report, never crash.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      documents: [],
      skipped: { reason: 'parser-failure', message: `The YAML parser gave up: ${message}` },
    };
  }
  const documents = parsed.map((document, index): YamlDocument => {
    const [start, , end] = document.range;
    return {
      index,
      document,
      root: document.contents,
      start,
      end,
      errors: document.errors.map((e) => ({
        message: e.message,
        start: e.pos[0],
        end: Math.max(e.pos[1], e.pos[0] + 1),
        yamlCode: e.code,
      })),
    };
  });
  return { ...base, documents };
}
