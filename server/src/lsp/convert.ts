import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextMode,
  MarkupKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Range as LspRange,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/codes';
import type { Finding, Severity } from '../diagnostics/finding';
import type { CompletionResult } from '../service/completion';
import type { CodeActionResult, DiagnosticRef, HoverResult } from '../service/types';

/** Finding ↔ Diagnostic. The ranges are already LSP-shaped; only enums and the `source` are added. */

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAGS = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated } as const;

export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.data !== undefined) diagnostic.data = finding.data;
  if (finding.tags?.length) diagnostic.tags = finding.tags.map((tag) => TAGS[tag]);
  return diagnostic;
}

export function toDiagnosticRef(diagnostic: Diagnostic): DiagnosticRef {
  return {
    code: diagnostic.code,
    source: diagnostic.source,
    range: diagnostic.range,
    data: diagnostic.data as unknown,
  };
}

export function toCodeAction(result: CodeActionResult, diagnostics: readonly Diagnostic[]): CodeAction {
  const edit: WorkspaceEdit = {
    changes: Object.fromEntries(result.edits.map((file) => [file.uri, file.edits.map((e) => ({ ...e }))])),
  };
  return {
    title: result.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: result.fixes.flatMap((index) => diagnostics[index] ?? []),
    edit,
    isPreferred: result.isPreferred ?? false,
  };
}

export function toHover(result: HoverResult): Hover {
  const contents = { kind: MarkupKind.Markdown, value: result.markdown };
  return result.range ? { contents, range: result.range } : { contents };
}

export function toCompletionItems(result: CompletionResult): CompletionItem[] {
  const range: LspRange = result.range;
  return result.entries.map((entry) => {
    const item: CompletionItem = {
      label: entry.label,
      kind: entry.kind === 'property' ? CompletionItemKind.Property : CompletionItemKind.Value,
      textEdit: { range, newText: entry.insertText ?? entry.label },
      // The service already indented continuation lines (service/completion.ts).
      insertTextMode: InsertTextMode.asIs,
    };
    if (entry.detail !== undefined) item.detail = entry.detail;
    if (entry.documentation !== undefined) {
      item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
    }
    return item;
  });
}
