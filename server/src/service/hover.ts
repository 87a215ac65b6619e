import { nodeOffsets, pathAtOffset } from '../yaml/navigate';
import type { YamlFile } from '../yaml/yamlFile';
import { typedDocumentAt } from './documentContext';
import type { HoverResult, Position, SchemaAssist } from './types';

/** Schema documentation of the key or value under the cursor, for documents of a known kind. */
export function hoverAt(schema: SchemaAssist, file: YamlFile, position: Position): HoverResult | undefined {
  const typed = typedDocumentAt(file, position);
  if (!typed) return undefined;
  const { path, node } = pathAtOffset(typed.document, typed.offset);
  if (path.length === 0) return undefined;
  const markdown = schema.describe(typed.apiVersion, typed.kind, path);
  if (markdown === undefined) return undefined;
  const offsets = wordAt(file.text, typed.offset) ?? nodeOffsets(node);
  return offsets ? { markdown, range: file.lines.rangeOf(offsets[0], offsets[1]) } : { markdown };
}

/** The key or scalar word around `offset`: what VS Code highlights while the hover shows. */
function wordAt(text: string, offset: number): [number, number] | undefined {
  const isWord = (ch: string | undefined): boolean => ch !== undefined && /[\w.\-/*]/.test(ch);
  let start = offset;
  while (start > 0 && isWord(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && isWord(text[end])) end++;
  return end > start ? [start, end] : undefined;
}
