/**
 * The workbench URL that puts code-server's web workbench in extension-test mode: `payload` entries
 * `extensionDevelopmentPath` / `extensionTestsPath` as vscode-remote URIs (code-server's workbench.js,
 * like VS Code's test/integration/browser; vscode-test-harness.md "How the recommended harness works").
 */
export interface WorkbenchTarget {
  readonly origin: string;
  readonly authority: string;
  /** Absolute folder to open, or undefined for an empty window. */
  readonly folder: string | undefined;
  readonly extensionDevelopmentPaths: readonly string[];
  readonly extensionTestsPath: string | undefined;
}

export function workbenchUrl(target: WorkbenchTarget): string {
  const remote = (path: string): string => `vscode-remote://${target.authority}${encodeURI(path)}`;
  const payload: [string, string][] = [
    ...target.extensionDevelopmentPaths.map((path): [string, string] => [
      'extensionDevelopmentPath',
      remote(path),
    ]),
  ];
  if (target.extensionTestsPath !== undefined)
    payload.push(['extensionTestsPath', remote(target.extensionTestsPath)]);
  const url = new URL(`${target.origin}/`);
  if (target.folder !== undefined) url.searchParams.set('folder', target.folder);
  if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}
