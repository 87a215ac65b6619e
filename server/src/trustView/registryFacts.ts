import type { ImageReference } from '../kube';
import type { TrustEngine } from '../trust/engine';
import type { TrustViewFailure } from '../../../shared/trustView';
import { toFailure } from './failures';

/** Signed tags whose registry digest is asked for, at most, per expansion (one HEAD/GET each). */
export const MAX_DIGEST_LOOKUPS = 100;
const DIGEST_CONCURRENCY = 4;

export interface RegistryFacts {
  readonly tags: readonly string[];
  readonly failure?: TrustViewFailure;
  /** Registry digests of the given tags (failed or skipped tags are absent). */
  digestsOf(tags: readonly string[]): Promise<Map<string, string>>;
}

/**
 * The registry's side of a repository: its tag list, and on demand the digest each signed tag points to
 * now (Container Tools' digest lookup, peers.md §1.3, bounded here). A failing tag list leaves the view
 * with the signed tags only.
 */
export async function registryFacts(engine: TrustEngine, ref: ImageReference): Promise<RegistryFacts> {
  const client = engine.transport.registryClient(ref.registryHost);
  let tags: readonly string[] = [];
  let failure: TrustViewFailure | undefined;
  try {
    tags = (await client.listTags(ref.path)).tags;
  } catch (error: unknown) {
    failure = toFailure(error, ref.registryHost);
  }
  return {
    tags,
    ...(failure ? { failure } : {}),
    async digestsOf(wanted) {
      const digests = new Map<string, string>();
      if (failure) return digests;
      const queue = [...new Set(wanted)].slice(0, MAX_DIGEST_LOOKUPS);
      const worker = async (): Promise<void> => {
        for (let tag = queue.shift(); tag !== undefined; tag = queue.shift()) {
          try {
            digests.set(tag, (await engine.registryDigest({ ...ref, reference: tag })).digest);
          } catch {
            // Not in the registry (or not readable): the tag stays "signed", without a registry digest.
          }
        }
      };
      await Promise.all(Array.from({ length: DIGEST_CONCURRENCY }, worker));
      return digests;
    },
  };
}
