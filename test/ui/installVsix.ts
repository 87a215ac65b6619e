import { spawnSync } from 'node:child_process';
import { CODE_SERVER_BIN } from '../../scripts/vscode/paths';
import type { Scratch } from '../../scripts/vscode/scratch';

/** Installs a packaged extension the way a user would, into the run's own extensions dir. */
export function installVsix(vsix: string, scratch: Scratch): void {
  const result = spawnSync(
    CODE_SERVER_BIN,
    [
      `--user-data-dir=${scratch.userDataDir}`,
      `--extensions-dir=${scratch.extensionsDir}`,
      '--install-extension',
      vsix,
    ],
    { env: { ...process.env, ...scratch.env, EXTENSIONS_GALLERY: '{}' }, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0 || !/was successfully installed/.test(result.stdout)) {
    throw new Error(
      `installing ${vsix} failed (${String(result.status)}):\n${result.stdout}${result.stderr}`,
    );
  }
}
