import type { Finding, Range } from '../diagnostics/finding';
import type { ParsedChunk } from '../yaml/parsedChunk';
import type { YamlDocument, YamlFile } from '../yaml/yamlFile';
import type { DocumentValidator, ValidationOptions } from './types';

interface Entry {
  readonly findings: readonly Finding[];
  /** `chunkLine` of the document when the findings were made. */
  readonly line: number;
  /** Document index then (workload findings name it in `data`). */
  readonly index: number;
  readonly context: string;
}

/**
 * Findings of document validators, kept per parsed document (ParsedChunk) so that an edit re-validates only
 * the document it changed. A document moved by an edit above it keeps its findings, moved by the same
 * number of lines: chunks start at column 0, so characters never change.
 */
export class DocumentFindingsCache {
  private readonly entries = new WeakMap<ParsedChunk, Map<string, Entry>>();

  findings(
    validator: DocumentValidator,
    file: YamlFile,
    doc: YamlDocument,
    options: ValidationOptions,
  ): readonly Finding[] {
    const context = validator.contextKey?.(options, file, doc) ?? '';
    // Normally one document per chunk; a whole-stream fallback chunk holds several, told apart by offset.
    const within = doc.start - doc.chunk.start;
    const key = within === 0 ? validator.name : `${validator.name}@${within}`;
    let byValidator = this.entries.get(doc.chunk);
    const cached = byValidator?.get(key);
    if (cached && cached.context === context && cached.index === doc.index) {
      return cached.line === doc.chunkLine
        ? cached.findings
        : moveFindings(cached.findings, doc.chunkLine - cached.line);
    }
    const findings = validator.validateDocument(file, doc, options);
    if (!byValidator) {
      byValidator = new Map();
      this.entries.set(doc.chunk, byValidator);
    }
    byValidator.set(key, { findings, line: doc.chunkLine, index: doc.index, context });
    return findings;
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
