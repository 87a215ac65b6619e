import type { RegistryFacts } from '../verdict';
import { serverHost, type HostLimiters } from './hostLimiters';
import type { ImageTarget } from './imageTargets';
import type { LookupCache } from './lookupCache';
import type { RepositoryAnswer, TrustBackend } from './repositoryAnswer';

/** The answer caches and per-host limits the lookups of every file share. */
export interface LookupState {
  readonly repositories: LookupCache<RepositoryAnswer>;
  readonly registries: LookupCache<RegistryFacts>;
  readonly limiters: HostLimiters;
}

/**
 * The lookups `targets` still need, one per cache key: a repository (trust server + GUN) is fetched once
 * however many of its tags the file names, and an answer still fresh is not fetched again. Each job runs
 * under its host's limiter (the trust server's, or the registry's for a tag's digest).
 */
export function lookupJobs(
  targets: readonly ImageTarget[],
  state: LookupState,
  backend: TrustBackend,
  signal: AbortSignal,
): Map<string, () => Promise<unknown>> {
  const jobs = new Map<string, () => Promise<unknown>>();
  for (const target of targets) {
    const { repositoryKey, registryKey, server, ref } = target;
    if (repositoryKey === undefined || server.source === 'none') continue;
    if (state.repositories.needsFetch(repositoryKey) && !jobs.has(repositoryKey)) {
      const limiter = state.limiters.for(serverHost(server.url));
      jobs.set(repositoryKey, () =>
        state.repositories.get(
          repositoryKey,
          (s) => backend.repository(ref.name, server.url, s),
          signal,
          limiter,
        ),
      );
    }
    if (registryKey !== undefined && state.registries.needsFetch(registryKey) && !jobs.has(registryKey)) {
      const limiter = state.limiters.for(ref.registryHost);
      jobs.set(registryKey, () =>
        state.registries.get(
          registryKey,
          (s) => backend.registryDigest(ref.registryHost, ref.path, ref.trustTag, s),
          signal,
          limiter,
        ),
      );
    }
  }
  return jobs;
}
