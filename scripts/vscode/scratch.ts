import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A fresh, short-named folder per run for everything code-server, the extension host and chromium write
 * ($HOME stays clean). Short, because unix socket paths under TMPDIR are limited to 107 bytes.
 */
export interface Scratch {
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** TMPDIR and XDG_* for child processes. */
  readonly env: Readonly<Record<string, string>>;
  remove(): void;
}

export function createScratch(): Scratch {
  const root = mkdtempSync('/tmp/itv-');
  const dir = (name: string): string => {
    const path = join(root, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const env = {
    TMPDIR: dir('tmp'),
    XDG_RUNTIME_DIR: dir('run'),
    XDG_CONFIG_HOME: dir('config'),
    XDG_DATA_HOME: dir('data'),
    XDG_CACHE_HOME: dir('cache'),
  };
  return {
    root,
    userDataDir: dir('user-data'),
    extensionsDir: dir('extensions'),
    env,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
