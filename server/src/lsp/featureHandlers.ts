import type { Connection } from 'vscode-languageserver/node';
import type { LanguageService } from '../service/languageService';
import { toCodeAction, toCompletionItems, toDiagnosticRef, toHover } from './convert';
import type { OpenDocuments } from './openDocuments';

/** Hover, completion and code actions: each looks the document up, asks the service, converts the answer. */
export function registerFeatureHandlers(
  connection: Connection,
  open: OpenDocuments,
  service: LanguageService,
): void {
  connection.onHover(({ textDocument, position }) => {
    const document = open.get(textDocument.uri);
    const result = document ? service.hover(open.file(document), position) : undefined;
    return result ? toHover(result) : null;
  });

  connection.onCompletion(({ textDocument, position }) => {
    const document = open.get(textDocument.uri);
    return document ? toCompletionItems(service.complete(open.file(document), position)) : [];
  });

  // Fixes come from each diagnostic's `data` only: no message parsing, no network (principle 7).
  connection.onCodeAction(({ textDocument, range, context }) => {
    const document = open.get(textDocument.uri);
    if (!document) return [];
    const results = service.codeActions(open.file(document), range, context.diagnostics.map(toDiagnosticRef));
    return results.map((result) => toCodeAction(result, context.diagnostics));
  });
}
