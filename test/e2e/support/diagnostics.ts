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
 * The first defined result of `probe`, run now and again after every onDidChangeDiagnostics for `uri`
 * (never by sleeping). Probes do not overlap: a change during a probe runs it once more afterwards.
 */
export function whenDiagnosticsChange<T>(
  uri: vscode.Uri,
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
): Promise<T> {
  let subscription: vscode.Disposable | undefined;
  const found = new Promise<T>((resolve, reject) => {
    let running = false;
    let again = false;
    const check = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      do {
        again = false;
        const result = await probe();
        if (result !== undefined) resolve(result);
      } while (again);
      running = false;
    };
    const run = (): void => void check().catch(reject);
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) run();
    });
    run();
  });
  return withDeadline(found, WAIT_MS, what).finally(() => {
    subscription?.dispose();
  });
}

/** The extension's diagnostics for `uri` once `accept` holds for them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return whenDiagnosticsChange(
    uri,
    () => {
      const diagnostics = imageTrustDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    what,
  );
}

/** Waits for a diagnostic with this code and returns it. */
export function waitForCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return whenDiagnosticsChange(
    uri,
    () => imageTrustDiagnostics(uri).find((d) => codeOf(d) === code),
    `a ${code} diagnostic on ${uri.path}`,
  );
}
