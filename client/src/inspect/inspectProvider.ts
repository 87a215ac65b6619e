import * as vscode from 'vscode';
import type { InspectResult } from '../../../shared/trustView';
import {
  INSPECT_SCHEME,
  inspectFailureText,
  inspectPath,
  inspectQuery,
  parseInspectQuery,
  type InspectTarget,
} from './inspectUri';

/**
 * Serves `image-trust-inspect:` documents: read-only text with `docker trust inspect --pretty` or its
 * JSON (notary-v1.md §5.3–5.4), produced by the server. A failure becomes the document's text.
 */
export class InspectDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly inspect: (target: InspectTarget) => Promise<InspectResult | undefined>) {}

  dispose(): void {
    this.changed.dispose();
  }

  static uriFor(target: InspectTarget): vscode.Uri {
    return vscode.Uri.from({
      scheme: INSPECT_SCHEME,
      path: inspectPath(target),
      query: inspectQuery(target),
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = parseInspectQuery(uri.query);
    if (!target) return `Not an inspect document: ${uri.toString()}\n`;
    const result = await this.inspect(target);
    if (result === undefined)
      return inspectFailureText(target, 'The Image Trust language server is not running.');
    return result.kind === 'ok' ? result.text : inspectFailureText(target, result.failure.message);
  }

  /** Opens (or re-renders) the document for `target` beside the active editor. */
  async open(target: InspectTarget): Promise<vscode.TextEditor> {
    const uri = InspectDocuments.uriFor(target);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    if (target.format === 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
    return vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
}
