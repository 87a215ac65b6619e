/**
 * In-process measurements with the counting HttpClient: which requests a cold resolution makes and in
 * what order (root → timestamp → snapshot → targets, then the delegations in one parallel wave,
 * notary-v1.md §4.2), what a warm resolution makes when nothing changed (timestamp only), and how long
 * 50 repositories take when resolved at once.
 */
import { performance } from 'node:perf_hooks';
import { MemoryFileStore } from '../../test/trust/attacks/support/memoryFileStore';
import { makeBenchClient } from './benchClient';
import type { RecordedRequest } from './countingHttp';
import { tufFileOf } from './countingHttp';

export interface ResolutionTrace {
  readonly coldMs: number;
  readonly coldRequests: readonly string[];
  /** True when every delegation request started before the first of them finished. */
  readonly delegationsInOneWave: boolean;
  readonly delegationRequests: number;
  readonly warmMs: number;
  readonly warmRequests: readonly string[];
  readonly signedTags: number;
}

export interface ManyResult {
  readonly repositories: number;
  readonly coldMs: number;
  readonly coldRequests: number;
  readonly warmMs: number;
  readonly warmRequests: number;
}

interface Target {
  readonly notaryUrl: string;
  readonly caPath: string;
  readonly homeDir: string;
}

function oneWave(requests: readonly RecordedRequest[]): { inOneWave: boolean; count: number } {
  const delegations = requests.filter((r) => tufFileOf(r.path).startsWith('targets/'));
  if (delegations.length === 0) return { inOneWave: true, count: 0 };
  const lastStart = Math.max(...delegations.map((r) => r.startMs));
  const firstEnd = Math.min(...delegations.map((r) => r.endMs));
  return { inOneWave: lastStart <= firstEnd, count: delegations.length };
}

export async function traceResolution(target: Target, gun: string): Promise<ResolutionTrace> {
  const bench = makeBenchClient({ ...target, store: new MemoryFileStore() });
  try {
    let start = performance.now();
    const repository = await bench.client.getRepository(gun);
    const coldMs = performance.now() - start;
    const cold = [...bench.http.requests].sort((a, b) => a.startMs - b.startMs);
    const wave = oneWave(cold);
    bench.http.reset();
    start = performance.now();
    await bench.client.getRepository(gun);
    const warmMs = performance.now() - start;
    return {
      coldMs,
      coldRequests: cold.map((r) => tufFileOf(r.path)),
      delegationsInOneWave: wave.inOneWave,
      delegationRequests: wave.count,
      warmMs,
      warmRequests: bench.http.requests.map((r) => tufFileOf(r.path)),
      signedTags: repository.signedTags().length,
    };
  } finally {
    await bench.close();
  }
}

export async function resolveMany(target: Target, guns: readonly string[]): Promise<ManyResult> {
  const bench = makeBenchClient({ ...target, store: new MemoryFileStore() });
  try {
    let start = performance.now();
    await Promise.all(guns.map((gun) => bench.client.getRepository(gun)));
    const coldMs = performance.now() - start;
    const coldRequests = bench.http.requests.length;
    bench.http.reset();
    start = performance.now();
    await Promise.all(guns.map((gun) => bench.client.getRepository(gun)));
    const warmMs = performance.now() - start;
    return {
      repositories: guns.length,
      coldMs,
      coldRequests,
      warmMs,
      warmRequests: bench.http.requests.length,
    };
  } finally {
    await bench.close();
  }
}
