/**
 * A private trust lab for the benchmark (its own notary-server and registries in bench/.work/lab, so
 * other contributors' test runs on the shared lab do not load the server being timed), with the
 * `bench/tags-N` repositories and 50 small repositories for the concurrency measurement. Each step's
 * wall time is kept for BENCHMARKS.md.
 *
 * 10,000 signed tags: one `notary addhash` per tag would take ~20–30 ms × 10,000 (trust-lab.md
 * "Timings"); the lab's NotaryCli.addHashes runs the real `addhash` once and writes the remaining
 * entries in the CLI's own changelist format, then one `notary publish` signs and uploads them all.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchTargets } from '../../scripts/lab/bench';
import { contextFromState, labAddBench, labDown, labStatus, labUp } from '../../scripts/lab/lab';
import { gunOf, initWithSigners, signerRoles } from '../../scripts/lab/populateContext';
import type { LabState } from '../../scripts/lab/state';

export const TAG_COUNTS = [1, 100, 1000, 10000] as const;
export const MANY_REPOSITORIES = 50;
const TAGS_PER_MANY_REPOSITORY = 10;
/** notary CLI calls in flight while making the 50 repositories (separate GUNs, one trust dir). */
const MANY_CONCURRENCY = 4;

export interface BenchLab {
  readonly state: LabState;
  readonly gunsByTags: ReadonlyMap<number, string>;
  readonly manyGuns: readonly string[];
  readonly setupMs: Readonly<Record<string, number>>;
}

async function timed<T>(into: Record<string, number>, step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  into[step] = Math.round(performance.now() - start);
  return result;
}

interface SavedBenchLab {
  readonly gunsByTags: [number, string][];
  readonly manyGuns: string[];
  readonly setupMs: Record<string, number>;
}

/**
 * With BENCH_REUSE_LAB=1 a lab left running by an earlier run (BENCH_KEEP_LAB=1) is used as it is; its
 * setup times are the ones measured when it was made. Otherwise a fresh lab is made.
 */
export async function startBenchLab(dir: string, log: (line: string) => void): Promise<BenchLab> {
  if (process.env.BENCH_REUSE_LAB === '1') {
    const reused = await reuseBenchLab(dir);
    if (reused !== undefined) {
      log('trust lab reused');
      return reused;
    }
  }
  const lab = await makeBenchLab(dir, log);
  const saved: SavedBenchLab = {
    gunsByTags: [...lab.gunsByTags],
    manyGuns: [...lab.manyGuns],
    setupMs: { ...lab.setupMs },
  };
  await writeFile(join(dir, 'bench-lab.json'), JSON.stringify(saved));
  return lab;
}

async function reuseBenchLab(dir: string): Promise<BenchLab | undefined> {
  try {
    const { state, running } = await labStatus(dir);
    if (!running.notary || !running.http || !running.tls) return undefined;
    const saved = JSON.parse(await readFile(join(dir, 'bench-lab.json'), 'utf8')) as SavedBenchLab;
    return { state, gunsByTags: new Map(saved.gunsByTags), manyGuns: saved.manyGuns, setupMs: saved.setupMs };
  } catch {
    return undefined; // no lab or no saved bench data: make a fresh one
  }
}

async function makeBenchLab(dir: string, log: (line: string) => void): Promise<BenchLab> {
  const setupMs: Record<string, number> = {};
  let state = await timed(setupMs, 'lab up (notary-server, 2 registries, standard repositories)', () =>
    labUp({ dir }),
  );
  log(`trust lab up in ${setupMs[Object.keys(setupMs)[0] ?? ''] ?? 0} ms`);
  for (const count of TAG_COUNTS) {
    state = await timed(setupMs, `bench/tags-${count}: init, signers, ${count} targets, publish`, () =>
      labAddBench(state, count),
    );
    log(`bench/tags-${count} ready`);
  }
  const ctx = contextFromState(state);
  const manyGuns = Array.from({ length: MANY_REPOSITORIES }, (_, i) =>
    gunOf(ctx, 'http', `bench/many-${String(i).padStart(2, '0')}`),
  );
  await timed(setupMs, `${MANY_REPOSITORIES} repositories × ${TAGS_PER_MANY_REPOSITORY} tags`, async () => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < manyGuns.length) {
        const gun = manyGuns[next++];
        if (gun === undefined) return;
        await initWithSigners(ctx, gun, ['alice']);
        await ctx.notary.addHashes(gun, benchTargets(TAGS_PER_MANY_REPOSITORY), signerRoles('alice'));
        await ctx.notary.publish(gun);
      }
    };
    await Promise.all(Array.from({ length: MANY_CONCURRENCY }, worker));
  });
  log(`${MANY_REPOSITORIES} repositories ready`);
  const gunsByTags = new Map<number, string>();
  for (const repo of Object.values(state.repositories)) {
    if (repo.generated !== undefined && repo.name.startsWith('bench/tags-'))
      gunsByTags.set(repo.generated.count, repo.gun);
  }
  return { state, gunsByTags, manyGuns, setupMs };
}

export async function stopBenchLab(dir: string): Promise<string[]> {
  return labDown(dir);
}
