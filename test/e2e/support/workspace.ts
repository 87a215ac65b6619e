import * as vscode from 'vscode';

/** The URI of a file in the opened test workspace (a copy of test/e2e/workspace/). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e tests need a workspace folder (launchArgs of runTests)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openWorkspaceFile(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/**
 * The range of `needle` where `before + needle` first occurs in the document (how tests name exact
 * ranges), as a plain object so that assertion diffs stay readable.
 */
export function rangeOf(document: vscode.TextDocument, needle: string, before = ''): PlainRange {
  const found = document.getText().indexOf(before + needle);
  if (found < 0) throw new Error(`"${before + needle}" is not in ${document.uri.toString()}`);
  const offset = found + before.length;
  return plainRange(
    new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length)),
  );
}

export interface PlainRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export function plainRange(range: vscode.Range): PlainRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}
