import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Env var naming a lab work folder to use instead of `<repo>/.lab` (e.g. a lab started elsewhere). */
export const LAB_DIR_ENV = 'IMAGE_TRUST_LAB_DIR';

/** The repository root: the nearest folder above this file (or the CWD) that has scripts/lab. */
export function repoRoot(): string {
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'lab'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** Where the lab keeps everything; `.lab/` is git-ignored. */
export function defaultLabDir(): string {
  const fromEnv = process.env[LAB_DIR_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? resolve(fromEnv) : join(repoRoot(), '.lab');
}

export function labPaths(dir: string): {
  dir: string;
  state: string;
  pids: string;
  tls: string;
  trust: string;
  keys: string;
  images: string;
  skopeo: string;
  lock: string;
} {
  return {
    dir,
    state: join(dir, 'state.json'),
    pids: join(dir, 'pids'),
    tls: join(dir, 'tls'),
    trust: join(dir, 'trust'),
    keys: join(dir, 'keys'),
    images: join(dir, 'images'),
    skopeo: join(dir, 'skopeo'),
    lock: join(dir, 'lock'),
  };
}
