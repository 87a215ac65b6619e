import type { RegistryFacts, TrustFacts, VerdictInput } from '../verdict';
import type { ImageTarget } from './imageTargets';
import type { RepositoryAnswer } from './repositoryAnswer';
import type { TrustRunOptions } from './trustOptions';

const NOT_CHECKED = { kind: 'not-checked' } as const;

/**
 * What an image's verdict is decided on (verdict/decideTrust.ts), from the answers known now: the
 * repository's (trust server + GUN) and the registry's digest for the tag. Undefined while a lookup it
 * needs has no answer yet. Untrusted and offline runs fetch nothing, so their facts say why instead, and
 * never that the image is unsigned.
 */
export function verdictInput(
  target: ImageTarget,
  run: Pick<TrustRunOptions, 'workspaceTrusted' | 'trust'>,
  repository: RepositoryAnswer | undefined,
  registry: RegistryFacts | undefined,
): VerdictInput | undefined {
  const facts = factsOf(target, run, repository, registry);
  if (!facts) return undefined;
  return {
    image: target.ref,
    requirement: target.requirement,
    signers: target.signers,
    trust: facts.trust,
    registry: facts.registry,
  };
}

function factsOf(
  target: ImageTarget,
  run: Pick<TrustRunOptions, 'workspaceTrusted' | 'trust'>,
  repository: RepositoryAnswer | undefined,
  registry: RegistryFacts | undefined,
): { trust: TrustFacts; registry: RegistryFacts } | undefined {
  if (!run.workspaceTrusted)
    return { trust: { kind: 'not-checked', reason: 'untrusted-workspace' }, registry: NOT_CHECKED };
  if (!run.trust.network) return { trust: { kind: 'not-checked', reason: 'offline' }, registry: NOT_CHECKED };
  if (target.repositoryKey === undefined) {
    return { trust: { kind: 'not-checked', reason: 'no-trust-server' }, registry: NOT_CHECKED };
  }
  if (!repository) return undefined;
  // A reference with a digest needs no registry lookup (imageTargets.ts gives it no registry key).
  let registryFacts: RegistryFacts = NOT_CHECKED;
  if (target.registryKey !== undefined) {
    if (!registry) return undefined;
    registryFacts = registry;
  }
  if (repository.kind !== 'verified') return { trust: repository, registry: registryFacts };
  const tag = target.ref.trustTag;
  return {
    trust: {
      kind: 'verified',
      gun: repository.gun,
      server: repository.server,
      checkedAt: repository.checkedAt,
      tag,
      signatures: repository.signaturesOf(tag),
      roleKeys: repository.roleKeys,
      releasedDigests: repository.releasedDigests,
    },
    registry: registryFacts,
  };
}
