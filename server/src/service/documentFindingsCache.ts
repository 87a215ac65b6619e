import type { Finding, Range } from '../diagnostics/finding';
import { keptList } from '../emptyList';
import { DocumentMemos } from '../yaml/documentMemo';
import type { YamlDocument, YamlFile } from '../yaml/yamlFile';
import type { DocumentValidator, ValidationOptions } from './types';

/**
 * Findings of document validators, kept per parsed document so that an edit re-validates only the document
 * it changed (yaml/documentMemo.ts). A document moved by an edit above it keeps its findings, moved by the
 * same number of lines: chunks start at column 0, so characters never change. Each language service keeps
 * its own store: the validators' contexts name its own policy index.
 */
export class DocumentFindingsCache {
  private readonly memos = new DocumentMemos();

  findings(
    validator: DocumentValidator,
    file: YamlFile,
    doc: YamlDocument,
    options: ValidationOptions,
  ): readonly Finding[] {
    return this.memos.get(
      validator.name,
      { uri: file.uri, context: validator.contextKey?.(options, file, doc) ?? '' },
      doc,
      // Most documents get no finding from most validators: their memo holds the shared empty list
      // instead of an array each (a 2,000-document file kept ~10,000 of them).
      () => keptList(validator.validateDocument(file, doc, options)),
      (findings, by) =>
        by.lines === 0 || findings.length === 0 ? findings : moveFindings(findings, by.lines),
    );
  }
}

function moveFindings(findings: readonly Finding[], lines: number): Finding[] {
  return findings.map((finding) => ({ ...finding, range: moveRange(finding.range, lines) }));
}

function moveRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}
