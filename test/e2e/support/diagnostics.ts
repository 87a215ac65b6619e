import * as vscode from 'vscode';
import { withDeadline, WAIT_MS } from './deadline';
import { DIAGNOSTIC_SOURCE } from './extension';
import { plainRange, type PlainRange } from './workspace';

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
 * On timeout the error says how many probes ran, whether one never returned, and `seen()` (the last
 * state a probe looked at): a rare failure in CI must be explainable from its log alone.
 */
export function whenDiagnosticsChange<T>(
  uri: vscode.Uri,
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  seen?: () => string,
): Promise<T> {
  let subscription: vscode.Disposable | undefined;
  let probes = 0;
  let changes = 0;
  let running = false;
  const found = new Promise<T>((resolve, reject) => {
    let again = false;
    const check = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      do {
        again = false;
        probes++;
        const result = await probe();
        if (result !== undefined) resolve(result);
      } while (again);
      running = false;
    };
    const run = (): void => void check().catch(reject);
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      changes++;
      run();
    });
    run();
  });
  const described = (): string => {
    const state = `${probes} probes after ${changes} diagnostics changes${running ? ', the last one never returned' : ''}`;
    const codes = imageTrustDiagnostics(uri).map((d) => codeOf(d) ?? '?');
    return `${what} (${state}; diagnostics now: ${codes.join(', ') || 'none'}${seen ? `; ${seen()}` : ''})`;
  };
  return withDeadline(found, WAIT_MS, described).finally(() => {
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

/**
 * The extension's diagnostics at exactly `range`, once one there has `code` (and satisfies `accept`).
 * Waiting on a place, not only a code: before the server has read the workspace's policies (while it
 * starts) it denies every image of a pod, so the first diagnostic with a code may be another image's.
 */
export function waitForCodeAt(
  uri: vscode.Uri,
  code: string,
  range: PlainRange,
  accept: (diagnostic: vscode.Diagnostic) => boolean = () => true,
): Promise<vscode.Diagnostic[]> {
  const here = (all: vscode.Diagnostic[]): vscode.Diagnostic[] =>
    all.filter((d) => sameRange(d.range, range));
  return waitForDiagnostics(
    uri,
    (all) => here(all).some((d) => codeOf(d) === code && accept(d)),
    `a ${code} diagnostic at ${JSON.stringify(range)}`,
  ).then(here);
}

function sameRange(range: vscode.Range, expected: PlainRange): boolean {
  const { start, end } = plainRange(range);
  return (
    start.line === expected.start.line &&
    start.character === expected.start.character &&
    end.line === expected.end.line &&
    end.character === expected.end.character
  );
}
