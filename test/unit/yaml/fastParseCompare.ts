import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { FastParseBail } from '../../../server/src/yaml/fast/bail';
import { parseChunk, type FastDocument } from '../../../server/src/yaml/fast/fastParseDocument';

/** The yaml library's answer for one chunk, offsets shifted to `text` coordinates. */
export interface LibraryDocument {
  readonly contents: unknown;
  readonly range: [number, number, number];
  /** Codes of every error and warning the library reported for the chunk. */
  readonly problems: readonly string[];
  /** How many documents the chunk held (the fast path handles exactly one). */
  readonly count: number;
}

export function libraryParse(text: string, start: number, end: number): LibraryDocument {
  const docs = parseAllDocuments(text.slice(start, end), {
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
  });
  const list: readonly Document.Parsed[] = docs;
  const problems: string[] = [];
  // An empty stream carries its own errors and warnings (Composer.streamInfo).
  if ('empty' in docs) problems.push(...docs.errors.map((e) => e.code), ...docs.warnings.map((w) => w.code));
  for (const d of list) problems.push(...d.errors.map((e) => e.code), ...d.warnings.map((w) => w.code));
  const doc = list[0];
  const range: [number, number, number] = doc ? [doc.range[0], doc.range[1], doc.range[2]] : [0, 0, 0];
  return {
    contents: doc?.contents ?? null,
    range: [range[0] + start, range[1] + start, range[2] + start],
    problems,
    count: list.length,
  };
}

/** The fast parser's answer, or the reason it bailed. */
export function fastParse(text: string, start: number, end: number): FastDocument | { bail: string } {
  try {
    return parseChunk(text, start, end);
  } catch (error: unknown) {
    if (error instanceof FastParseBail) return { bail: error.reason };
    throw error;
  }
}

/**
 * Differences between a fast node and the library's node (shifted by `shift`): class, range, scalar value
 * (with its JS type), type, source, format, minFractionDigits, flow, pairs and items, recursively.
 * Comments and spaceBefore are not compared (the language server does not use them).
 */
export function diffNodes(fast: unknown, lib: unknown, shift: number, path = '$'): string[] {
  const out: string[] = [];
  const kind = (n: unknown): string =>
    n === null ? 'null' : isScalar(n) ? 'Scalar' : isMap(n) ? 'YAMLMap' : isSeq(n) ? 'YAMLSeq' : typeof n;
  if (kind(fast) !== kind(lib)) return [`${path}: class ${kind(fast)} ≠ ${kind(lib)}`];
  if (fast === null || lib === null) return out;
  const f = fast as Node;
  const l = lib as Node;
  const libRange = l.range ? l.range.map((x) => x + shift) : undefined;
  if (JSON.stringify(f.range) !== JSON.stringify(libRange)) {
    out.push(`${path}: range ${JSON.stringify(f.range)} ≠ ${JSON.stringify(libRange)}`);
  }
  if (isScalar(f) && isScalar(l)) {
    if (!Object.is(f.value, l.value) || typeof f.value !== typeof l.value) {
      out.push(
        `${path}: value ${String(f.value)} (${typeof f.value}) ≠ ${String(l.value)} (${typeof l.value})`,
      );
    }
    for (const prop of ['type', 'source', 'format', 'minFractionDigits', 'tag', 'anchor'] as const) {
      if (f[prop] !== l[prop]) out.push(`${path}: ${prop} ${String(f[prop])} ≠ ${String(l[prop])}`);
    }
    return out;
  }
  if ((isMap(f) && isMap(l)) || (isSeq(f) && isSeq(l))) {
    if (Boolean(f.flow) !== Boolean(l.flow)) out.push(`${path}: flow ${String(f.flow)} ≠ ${String(l.flow)}`);
    if (f.items.length !== l.items.length) {
      out.push(`${path}: ${f.items.length} items ≠ ${l.items.length}`);
      return out;
    }
    f.items.forEach((item: unknown, i: number) => {
      const other: unknown = l.items[i];
      if (isPair(item) && isPair(other)) {
        out.push(...diffNodes(item.key, other.key, shift, `${path}[${i}].key`));
        out.push(...diffNodes(item.value, other.value, shift, `${path}[${i}].value`));
      } else if (isPair(item) || isPair(other)) {
        out.push(`${path}[${i}]: pair vs node`);
      } else {
        out.push(...diffNodes(item, other, shift, `${path}[${i}]`));
      }
    });
  }
  return out;
}

export type Verdict =
  | { readonly kind: 'equal' }
  | { readonly kind: 'bail'; readonly reason: string }
  | { readonly kind: 'different'; readonly diffs: readonly string[] };

/**
 * Runs both parsers on `text[start, end)`. A bail is always allowed here; equality is required otherwise,
 * and when the library reports any problem (or finds no single document) the fast path must have bailed.
 */
export function compareChunk(text: string, start: number, end: number): Verdict {
  const lib = libraryParse(text, start, end);
  const fast = fastParse(text, start, end);
  if ('bail' in fast) return { kind: 'bail', reason: fast.bail };
  if (lib.problems.length > 0 || lib.count !== 1) {
    return { kind: 'different', diffs: [`library reported ${lib.problems.join(',')} (${lib.count} docs)`] };
  }
  const diffs = diffNodes(fast.contents, lib.contents, start);
  if (JSON.stringify(fast.range) !== JSON.stringify(lib.range)) {
    diffs.push(`document range ${JSON.stringify(fast.range)} ≠ ${JSON.stringify(lib.range)}`);
  }
  return diffs.length === 0 ? { kind: 'equal' } : { kind: 'different', diffs };
}

/** A test-only splitter: chunks start at lines matching /^---(\s|$)/. */
export function splitChunks(text: string): [number, number][] {
  const starts = [0];
  const re = /^---(?:[ \t\r\n]|$)/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) if (m.index > 0) starts.push(m.index);
  return starts.map((s, i) => [s, starts[i + 1] ?? text.length]);
}
