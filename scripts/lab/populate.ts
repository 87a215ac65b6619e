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
const PARALLEL = 3;

/**
 * Fills the lab. The first `init` creates the trust dir's shared root key (trust-lab.md: "One root key
 * is shared by all repos in a trust dir"), so it runs alone; `rotated` adds a second root key and runs
 * after the others so no `init` races with it.
 */
export async function populateLab(ctx: PopulateContext): Promise<LabRepository[]> {
  await ctx.notary.importKey(ctx.signers.alice.keyPath, 'alice');
  await ctx.notary.importKey(ctx.signers.bob.keyPath, 'bob');
  const first = await helloWorld(ctx);
  const rest = await inParallel(
    [helloOci, signed, revoked, twoSigners, unsigned, privateRepo],
    PARALLEL,
    (make) => make(ctx),
  );
  const last = await rotated(ctx);
  return [first, ...rest, last];
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
