import { createHash } from 'node:crypto';
import type { SignedTarget } from './notaryCli';

/** The optional bench repositories: `bench/tags-<count>` on the HTTP registry's host. */
export function benchRepoName(count: number): string {
  return `bench/tags-${count}`;
}

/** Fake targets as in trust-lab.md "Timings" (size 1234, not in the registry), stable across runs. */
export const BENCH_TARGET_SIZE = 1234;

export function benchTagName(index: number): string {
  return `tag-${String(index).padStart(5, '0')}`;
}

/** Target `index` of a bench repository: digest = sha256 of "<repo> <tag>", so tests can recompute it. */
export function benchTarget(count: number, index: number): SignedTarget {
  const tag = benchTagName(index);
  const hex = createHash('sha256')
    .update(`${benchRepoName(count)} ${tag}`)
    .digest('hex');
  return { tag, digest: `sha256:${hex}`, size: BENCH_TARGET_SIZE };
}

export function benchTargets(count: number): SignedTarget[] {
  return Array.from({ length: count }, (_, index) => benchTarget(count, index));
}
