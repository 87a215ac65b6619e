import { benchTargets } from './bench';
import type { NotaryCli } from './notaryCli';
import { initWithSigners } from './populateContext';
import type { PopulateContext } from './populateContext';
import type { LabRepository } from './state';

/**
 * Signs a repository's *valid* facts again on another notary server: the same signers, and every
 * signed tag with the same digest, size and roles. Rotations, revocations and removed signers are
 * not replayed (the result is a plainly signed repository). Used for a test's own notary-server.
 */
export async function replaySigned(
  ctx: PopulateContext,
  notary: NotaryCli,
  repo: LabRepository,
): Promise<void> {
  if (!repo.trustData) return;
  const local: PopulateContext = { ...ctx, notary };
  const signers = repo.delegations
    .map((role) => role.slice('targets/'.length))
    .filter((name): name is 'alice' | 'bob' => name === 'alice' || name === 'bob');
  await initWithSigners(local, repo.gun, signers);
  for (const [tag, facts] of Object.entries(repo.tags)) {
    if (facts.signed === undefined) continue;
    const roles = facts.roles.filter((role) => role !== 'targets');
    await notary.addHash(repo.gun, { tag, ...facts.signed }, roles);
  }
  if (repo.generated !== undefined) {
    await notary.addHashes(repo.gun, benchTargets(repo.generated.count), repo.generated.roles);
  }
  await notary.publish(repo.gun);
}
