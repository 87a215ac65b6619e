import * as vscode from 'vscode';
import { withDeadline, WAIT_MS } from './deadline';
import { DIAGNOSTIC_SOURCE } from './extension';

/** The string code of a diagnostic (`code` may also be `{ value, target }`). */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

export function imageTrustDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/**
 * The extension's diagnostics for `uri` once `accept` holds for them: checked now and on every
 * onDidChangeDiagnostics for the URI, never by sleeping.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  let subscription: vscode.Disposable | undefined;
  const found = new Promise<vscode.Diagnostic[]>((resolve) => {
    const check = (): void => {
      const diagnostics = imageTrustDiagnostics(uri);
      if (accept(diagnostics)) resolve(diagnostics);
    };
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    check();
  });
  return withDeadline(found, WAIT_MS, what).finally(() => {
    subscription?.dispose();
  });
}

/** Waits for a diagnostic with this code and returns it. */
export async function waitForCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(
    uri,
    (all) => all.some((d) => codeOf(d) === code),
    `a ${code} diagnostic on ${uri.path}`,
  );
  const diagnostic = diagnostics.find((d) => codeOf(d) === code);
  if (!diagnostic) throw new Error(`no ${code} diagnostic`);
  return diagnostic;
}
