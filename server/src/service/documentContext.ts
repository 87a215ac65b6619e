import type { Position } from '../diagnostics/finding';
import { asString, getField } from '../yaml/navigate';
import type { YamlDocument, YamlFile } from '../yaml/yamlFile';

/** The document of a multi-document file that holds `offset` (the last one when documents touch). */
export function documentAtOffset(file: YamlFile, offset: number): YamlDocument | undefined {
  let found: YamlDocument | undefined;
  for (const document of file.documents) {
    if (offset >= document.start && offset <= document.end) found = document;
  }
  return found;
}

/** `apiVersion` and `kind` of a document, when both are plain strings. */
export function objectType(document: YamlDocument): { apiVersion: string; kind: string } | undefined {
  const apiVersion = asString(document, getField(document, document.root, 'apiVersion'));
  const kind = asString(document, getField(document, document.root, 'kind'));
  return apiVersion !== undefined && kind !== undefined ? { apiVersion, kind } : undefined;
}

/** The document at a position together with its type; undefined for skipped files or untyped documents. */
export function typedDocumentAt(
  file: YamlFile,
  position: Position,
): { document: YamlDocument; offset: number; apiVersion: string; kind: string } | undefined {
  const offset = file.lines.offsetAt(position);
  const document = documentAtOffset(file, offset);
  if (!document) return undefined;
  const type = objectType(document);
  return type ? { document, offset, ...type } : undefined;
}
