import { benchRepoName, benchTargets } from './bench';
import type { PopulateContext } from './populateContext';
import { gunOf, initWithSigners, signerRoles } from './populateContext';
import {
  helloOci,
  helloWorld,
  privateRepo,
  revoked,
  rotated,
  signed,
  twoSigners,
  unsigned,
} from './scenarios';
import type { LabRepository } from './state';

/** How many scenarios run at once; the notary CLI and skopeo are short single-core processes. */
const PARALLEL = 4;

/** Called after each scenario with its wall time, for `cli.ts up --verbose`. */
export type StepReporter = (step: string, milliseconds: number) => void;

/**
 * Fills the lab. The shared root key is made first (trust-lab.md: "One root key is shared by all repos
 * in a trust dir"; docker too reuses the first root key it finds), so the parallel `init`s never race
 * to create one. `rotated` adds a second root key, so it waits for every other scenario before it
 * rotates root.
 */
export async function populateLab(
  ctx: PopulateContext,
  report: StepReporter = () => undefined,
): Promise<LabRepository[]> {
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    report(step, Date.now() - started);
    return result;
  };
  await timed('keys', async () => {
    await ctx.notary.run(['key', 'generate', 'ecdsa', '--role', 'root']);
    await ctx.notary.importKey(ctx.signers.alice.keyPath, 'alice');
    await ctx.notary.importKey(ctx.signers.bob.keyPath, 'bob');
  });
  let othersDone: () => void = () => undefined;
  const barrier = new Promise<void>((resolve) => (othersDone = resolve));
  const scenarios = [helloWorld, helloOci, signed, revoked, twoSigners, unsigned, privateRepo];
  const [last, rest] = await Promise.all([
    timed('rotated', () => rotated(ctx, barrier)),
    inParallel(scenarios, PARALLEL - 1, (make) => timed(make.name, () => make(ctx))).finally(othersDone),
  ]);
  return [...rest, last];
}

/**
 * `bench/tags-<count>`: alice signs `count` fake targets (releases + alice) with one staged batch and
 * one publish (trust-lab.md "Timings" made them one `addhash` process each).
 */
export async function populateBench(ctx: PopulateContext, count: number): Promise<LabRepository> {
  const name = benchRepoName(count);
  const gun = gunOf(ctx, 'http', name);
  const roles = signerRoles('alice');
  await initWithSigners(ctx, gun, ['alice']);
  await ctx.notary.addHashes(gun, benchTargets(count), roles);
  await ctx.notary.publish(gun);
  return {
    name,
    gun,
    registry: 'http',
    trustData: true,
    delegations: roles,
    tags: {},
    generated: { count, roles, signers: ['alice'] },
    story: `${count} fake targets (benchTargets(${count}); not in the registry) signed by alice`,
  };
}

/** Maps with at most `limit` calls in flight, keeping the input order in the result. */
async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      if (item !== undefined) results[index] = await map(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
