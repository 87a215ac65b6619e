/** What the numbers were measured on, recorded with every result file. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, getPriority, loadavg, totalmem } from 'node:os';

export interface Machine {
  readonly nproc: number;
  readonly cpu: string;
  readonly memGiB: number;
  readonly node: string;
  readonly os: string;
  /** 1-minute load average when the benchmark started and ended: the machine is shared, so say how busy. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  /** The benchmark's nice value (inherited by both servers, the notary CLI and the lab services). */
  readonly nice: number;
}

/** Call at the start of a benchmark; pass the value to machine() at the end. */
export function loadNow(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

export function machine(loadAtStart: number): Machine {
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
    loadAverage: { start: loadAtStart, end: loadNow() },
    nice: getPriority(),
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
