import { resolve } from 'node:path';

/** What the harness takes from the VS Code CLI arguments that @vscode/test-electron's runTests passes. */
export interface HarnessArgs {
  readonly folder: string | undefined;
  readonly extensionDevelopmentPaths: readonly string[];
  readonly extensionTestsPath: string | undefined;
  /** `--enable-workspace-trust` (harness only) or VSCODE_HARNESS_WORKSPACE_TRUST=1: keep trust on. */
  readonly workspaceTrust: boolean;
}

const VALUE_OPTIONS = new Set(['extensionDevelopmentPath', 'extensionTestsPath']);

/**
 * Other options (`--no-sandbox`, `--disable-gpu-sandbox`, `--disable-extensions`, `--user-data-dir=`,
 * `--extensions-dir=`, `--disable-workspace-trust` …) are Electron/desktop flags: ignored, since every run
 * gets fresh dirs and trust is off unless asked for.
 */
export function parseHarnessArgs(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): HarnessArgs {
  const developmentPaths: string[] = [];
  let testsPath: string | undefined;
  let folder: string | undefined;
  let workspaceTrust = env['VSCODE_HARNESS_WORKSPACE_TRUST'] === '1';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      folder ??= resolve(cwd, arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (name === 'enable-workspace-trust') workspaceTrust = true;
    if (!VALUE_OPTIONS.has(name)) continue;
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new Error(`--${name} needs a path`);
    if (name === 'extensionDevelopmentPath') developmentPaths.push(resolve(cwd, value));
    else testsPath = resolve(cwd, value);
  }
  return {
    folder,
    extensionDevelopmentPaths: developmentPaths,
    extensionTestsPath: testsPath,
    workspaceTrust,
  };
}
