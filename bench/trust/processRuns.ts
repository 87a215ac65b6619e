/**
 * Whole-process timings: our list entry (bundled, plain node) and the Go `notary list`, each from spawn
 * to exit, with a fresh (cold) or reused (warm) cache / trust dir.
 */
import { build } from 'esbuild';
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
  readonly lines: number;
  readonly requests: readonly string[] | undefined;
}

/** One CommonJS file for Node 20 with every dependency inside, the same esbuild settings as dist/cli.js. */
export async function bundleListEntry(repoRoot: string, outDir: string): Promise<string> {
  const outfile = join(outDir, 'list.cjs');
  await build({
    entryPoints: [join(repoRoot, 'bench/trust/list.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}

function countLines(stdout: string, pattern: RegExp): number {
  return stdout.split('\n').filter((line) => pattern.test(line)).length;
}

export async function timeOurs(
  entry: string,
  target: ProcessTarget,
  cacheDir: string,
  gun: string,
): Promise<ProcessRun> {
  const { result, ms, cpuMs, maxRssKiB } = await timedRun(process.execPath, [
    entry,
    '--server',
    target.notaryUrl,
    '--ca',
    target.caPath,
    '--cache',
    cacheDir,
    gun,
  ]);
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  let requests: string[] | undefined;
  try {
    requests = (JSON.parse(last) as { requests: string[] }).requests;
  } catch {
    requests = undefined;
  }
  return { ms, cpuMs, maxRssKiB, lines: countLines(result.stdout, /^\S+ [0-9a-f]{64}$/), requests };
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
    requests: undefined,
  };
}

export async function notaryVersion(): Promise<string> {
  const result = await run('notary', ['version']);
  return /Version:\s*(\S+)/.exec(result.stdout)?.[1] ?? result.stdout.trim().split('\n')[0] ?? 'unknown';
}
