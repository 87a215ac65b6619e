/**
 * Whole-process timings: our CLI (`node dist/cli.js inspect`) and the Go `notary list`, each from spawn
 * to exit under GNU time, with a fresh (cold) or reused (warm) cache / trust dir.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { run } from '../../scripts/lab/exec';
import type { RunResult } from '../../scripts/lab/exec';
import { BenchError } from '../lsp/lspConnection';

const GNU_TIME = '/usr/bin/time';

interface Timed {
  readonly result: RunResult;
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssKiB: number;
}

/** Runs `command` under GNU time (`-o` keeps its line out of the tool's own stderr). */
async function timedRun(command: string, args: readonly string[]): Promise<Timed> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-time-'));
  const out = join(dir, 'time.txt');
  try {
    const start = performance.now();
    const result = await run(GNU_TIME, ['-f', '%U %S %M', '-o', out, command, ...args]);
    const ms = performance.now() - start;
    const [user, system, rss] = (await readFile(out, 'utf8')).trim().split('\n').at(-1)?.split(' ') ?? [];
    if (user === undefined || system === undefined || rss === undefined) {
      throw new BenchError('BENCH_SETUP', `no GNU time output for ${command}`);
    }
    return { result, ms, cpuMs: (Number(user) + Number(system)) * 1000, maxRssKiB: Number(rss) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ProcessTarget {
  readonly notaryUrl: string;
  readonly caPath: string;
}

export interface ProcessRun {
  readonly ms: number;
  /** user + system CPU time of the process, from GNU time: less sensitive to a busy machine than wall time. */
  readonly cpuMs: number;
  readonly maxRssKiB: number;
  /** Signed tags printed. */
  readonly lines: number;
}

function countLines(stdout: string, pattern: RegExp): number {
  return stdout.split('\n').filter((line) => pattern.test(line)).length;
}

/** `image-trust inspect GUN` (every signed tag, as `docker trust inspect`) against the lab's notary. */
export async function timeOurs(
  cli: string,
  target: ProcessTarget,
  cacheDir: string,
  gun: string,
): Promise<ProcessRun> {
  const { result, ms, cpuMs, maxRssKiB } = await timedRun(process.execPath, [
    cli,
    'inspect',
    gun,
    '--trust-server',
    target.notaryUrl,
    '--ca-file',
    target.caPath,
    '--cache-dir',
    cacheDir,
  ]);
  return { ms, cpuMs, maxRssKiB, lines: countLines(result.stdout, /"SignedTag":/) };
}

export async function timeNotary(target: ProcessTarget, trustDir: string, gun: string): Promise<ProcessRun> {
  const { result, ms, cpuMs, maxRssKiB } = await timedRun('notary', [
    '-d',
    trustDir,
    '-s',
    target.notaryUrl,
    '--tlscacert',
    target.caPath,
    'list',
    gun,
  ]);
  return {
    ms,
    cpuMs,
    maxRssKiB,
    lines: countLines(result.stdout, /^\S+\s+[0-9a-f]{64}\s+\d+\s+\S+\s*$/),
  };
}

/** Debian's build prints an empty `notary version`; the package version and Go version say what ran. */
export async function notaryVersion(): Promise<string> {
  const go = /Go version:\s*(\S+)/.exec((await run('notary', ['version'])).stdout)?.[1] ?? 'unknown Go';
  const pkg = await run('dpkg-query', ['-W', '-f', '${Version}', 'notary'], { okExitCodes: [1] });
  return `${pkg.exitCode === 0 ? pkg.stdout.trim() : 'unknown'} (${go})`;
}
