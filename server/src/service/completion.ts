import { isPair } from 'yaml';
import { asMap, keyText, nodeAtPath, pathAtOffset, type PathStep } from '../yaml/navigate';
import { parseYamlFile, type YamlDocument, type YamlFile } from '../yaml/yamlFile';
import { documentAtOffset, objectType } from './documentContext';
import type { CompletionEntry, Position, Range, SchemaAssist } from './types';

export interface CompletionResult {
  readonly entries: readonly CompletionEntry[];
  /** The partial word before the cursor, which a chosen entry replaces. */
  readonly range: Range;
}

/** A key no schema has; it marks the cursor in the re-parsed text. */
const MARKER = 'imageTrustCursorMarker';

/**
 * Keys (or values) the schema allows at the cursor. Indentation decides where a half-typed key belongs,
 * and YAML's indentation rules are subtle (a sequence may sit at its key's indent), so instead of
 * re-implementing them the cursor is replaced by a marker key and the text re-parsed: the marker's path
 * is then exactly where the parser puts the new key.
 */
export function completeAt(schema: SchemaAssist, file: YamlFile, position: Position): CompletionResult {
  const cursor = file.lines.offsetAt(position);
  const wordStart = partialWordStart(file.text, cursor);
  const range = file.lines.rangeOf(wordStart, cursor);
  const empty: CompletionResult = { entries: [], range };
  if (file.skipped) return empty;

  const lineEnd = endOfLine(file.text, cursor);
  const rest = file.text.slice(cursor, lineEnd);
  const before = file.text.slice(lineStart(file.text, wordStart), wordStart);
  const isValue = /:\s+$/.test(before);
  const insert = isValue || rest.includes(':') ? MARKER : `${MARKER}:`;
  const text = file.text.slice(0, wordStart) + insert + rest + file.text.slice(lineEnd);
  const marked = parseYamlFile(file.uri, file.version, text);

  const markerOffset = wordStart + 1;
  const document = documentAtOffset(marked, markerOffset);
  const type = document ? objectType(document) : undefined;
  if (!document || !type) return empty;
  const { path, onKey } = pathAtOffset(document, markerOffset);
  if (path[path.length - 1] === MARKER) {
    const parent = path.slice(0, -1);
    const entries = schema.complete(type.apiVersion, type.kind, parent, existingKeys(document, parent));
    return {
      entries: entries.map((entry) => indented(entry, position.character - (cursor - wordStart))),
      range,
    };
  }
  if (!onKey && path.length > 0) {
    return { entries: schema.complete(type.apiVersion, type.kind, path, []), range };
  }
  return empty;
}

/**
 * Multi-line insert texts are written relative to the key; they are inserted as-is (LSP
 * `InsertTextMode.asIs`), so continuation lines get the key's column here, once, for every editor.
 */
function indented(entry: CompletionEntry, column: number): CompletionEntry {
  const text = entry.insertText;
  if (text === undefined || !text.includes('\n')) return entry;
  return { ...entry, insertText: text.replace(/\n/g, `\n${' '.repeat(column)}`) };
}

function existingKeys(document: YamlDocument, path: readonly PathStep[]): string[] {
  const map = asMap(document, nodeAtPath(document, path)?.node);
  if (!map) return [];
  return map.items.flatMap((item) => {
    const key = isPair(item) ? keyText(item) : undefined;
    return key !== undefined && key !== MARKER ? [key] : [];
  });
}

function partialWordStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && /[\w.\-/]/.test(text[start - 1] ?? '')) start--;
  return start;
}

function lineStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

function endOfLine(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}
