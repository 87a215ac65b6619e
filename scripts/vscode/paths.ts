import { resolve } from 'node:path';

/** Repository root: scripts/vscode/ is two levels down. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Where install-code-server.sh puts code-server 4.100.3 (git-ignored, never a project dependency). */
export const CODE_SERVER_BIN = resolve(REPO_ROOT, '.tools/code-server/node_modules/.bin/code-server');

/** Debian's chromium; Playwright's own browser downloads are never used (vscode-test-harness.md). */
export const CHROMIUM_BIN = '/usr/bin/chromium';

/** The executable `runTests({ vscodeExecutablePath })` spawns: a shim that runs harness.ts with tsx. */
export const HARNESS_BIN = resolve(REPO_ROOT, 'scripts/vscode/harness');
