/** What the numbers were measured on, recorded with every result file. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Machine {
  readonly nproc: number;
  readonly cpu: string;
  readonly memGiB: number;
  readonly node: string;
  readonly os: string;
}

export function machine(): Machine {
  let os: string = process.platform;
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    os = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1] ?? os;
  } catch {
    // not Linux: keep the platform name
  }
  return {
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    cpu: cpus()[0]?.model ?? 'unknown',
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os,
  };
}

/** The short commit of the tree being measured, with `+dirty` when it has uncommitted changes. */
export function commitOf(repoRoot: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    return head;
  } catch {
    return 'unknown';
  }
}
