import * as vscode from 'vscode';
import { whenDiagnosticsChange } from './diagnostics';

/**
 * The quick fixes for `range` once one satisfies `accept`. Asked again whenever the file's diagnostics
 * change: the server republishes them (trust results arrive after the policy check), and a request that
 * crossed a republish can come back empty.
 */
export function waitForQuickFix(
  uri: vscode.Uri,
  range: vscode.Range,
  accept: (action: vscode.CodeAction) => boolean,
  what: string,
): Promise<vscode.CodeAction> {
  let titles = 'no answer yet';
  return whenDiagnosticsChange(
    uri,
    async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        range,
        vscode.CodeActionKind.QuickFix.value,
      );
      titles = actions.map((action) => JSON.stringify(action.title)).join(', ') || 'none';
      return actions.find(accept);
    },
    what,
    () => `quick fixes last offered at ${JSON.stringify(range)}: ${titles}`,
  );
}
