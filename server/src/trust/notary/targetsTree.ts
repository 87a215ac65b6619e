import { TrustError } from '../errors';
import type { TrustErrorCode } from '../errors';
import { restrictPaths } from '../tuf/delegationNames';
import type { PublicKey, RoleKeys, SnapshotMetadata, TargetsMetadata } from '../tuf/tuf.types';
import { verifyTargets } from '../tuf/verifyRole';
import type { NotaryClientConfig } from './config';
import type { RoleSource } from './roleSource';

/** A verified targets role with the paths it may sign after its parents' restrictions (notary-v1.md §5.1). */
export interface VerifiedTargetsRole {
  readonly name: string;
  readonly metadata: TargetsMetadata;
  readonly paths: readonly string[];
  readonly bytes: Uint8Array;
  readonly fromCache: boolean;
}

/** A delegation notary skips: expired, not signed by its threshold, or absent from the snapshot (§4.2 step 3). */
export interface SkippedRole {
  readonly name: string;
  readonly code: TrustErrorCode;
  /**
   * The bytes that failed verification, when they were loaded. Cached like a verified role so a warm
   * update re-verifies them (byMeta still checks them against the snapshot's hash) instead of
   * downloading them again.
   */
  readonly bytes?: Uint8Array;
  readonly fromCache?: boolean;
}

const SKIPPABLE: readonly TrustErrorCode[] = ['EXPIRED', 'THRESHOLD_NOT_MET', 'BAD_SIGNATURE'];

interface Pending {
  readonly name: string;
  readonly roleKeys: RoleKeys;
  readonly keys: ReadonlyMap<string, PublicKey>;
  readonly paths: readonly string[];
}

/**
 * Loads `targets` and then every delegation, one parallel wave per depth (children of the roles verified
 * in the previous wave). Roles missing from the snapshot are skipped as notary does; an expired or
 * under-signed delegation is recorded and its subtree skipped; any other failure aborts the update.
 */
export async function loadTargetsTree(input: {
  readonly snapshot: SnapshotMetadata;
  readonly targetsKeys: RoleKeys;
  readonly rootKeys: ReadonlyMap<string, PublicKey>;
  readonly minVersions: Readonly<Record<string, number>>;
  readonly now: number;
  readonly source: RoleSource;
  readonly config: NotaryClientConfig;
  readonly signal?: AbortSignal;
}): Promise<{ roles: ReadonlyMap<string, VerifiedTargetsRole>; skipped: readonly SkippedRole[] }> {
  const roles = new Map<string, VerifiedTargetsRole>();
  const skipped: SkippedRole[] = [];
  let wave: Pending[] = [{ name: 'targets', roleKeys: input.targetsKeys, keys: input.rootKeys, paths: [''] }];
  for (let depth = 0; wave.length > 0 && depth <= input.config.maxDelegationDepth; depth++) {
    const abort = new AbortController();
    const signal = input.signal ? AbortSignal.any([input.signal, abort.signal]) : abort.signal;
    const loaded = await Promise.all(
      wave.map((pending) =>
        loadOne(pending, input, signal).catch((error: unknown) => {
          abort.abort(); // stop the siblings' downloads; this wave has already failed
          throw error;
        }),
      ),
    );
    const next: Pending[] = [];
    for (const [index, result] of loaded.entries()) {
      if ('code' in result) {
        skipped.push(result);
        continue;
      }
      roles.set(result.name, result);
      const pending = wave[index];
      for (const child of result.metadata.delegations) {
        const paths = restrictPaths(pending.paths, child.paths);
        next.push({ name: child.name, roleKeys: child, keys: result.metadata.delegationKeys, paths });
      }
    }
    if (roles.size + next.length > input.config.maxDelegations + 1) {
      throw new TrustError('OVERSIZE', `more than ${input.config.maxDelegations} delegated roles`);
    }
    wave = next;
  }
  return { roles, skipped };
}

async function loadOne(
  pending: Pending,
  input: Parameters<typeof loadTargetsTree>[0],
  signal: AbortSignal,
): Promise<VerifiedTargetsRole | SkippedRole> {
  const meta = input.snapshot.meta.get(pending.name);
  if (meta === undefined) {
    // notary: "skipping <role> because there is no checksum for it"; targets itself is required by
    // decodeSnapshot. Recorded, so callers can see a delegation the snapshot leaves out.
    return { name: pending.name, code: 'MISSING_ROLE' };
  }
  const { bytes, fromCache } = await input.source.byMeta(pending.name, meta, signal);
  try {
    const metadata = verifyTargets(bytes, {
      role: pending.name,
      meta,
      maxBytes: input.config.metadataMaxBytes,
      roleKeys: pending.roleKeys,
      keys: pending.keys,
      now: input.now,
      ...(input.minVersions[pending.name] === undefined
        ? {}
        : { minVersion: input.minVersions[pending.name] }),
    });
    return { name: pending.name, metadata, paths: pending.paths, bytes, fromCache };
  } catch (error) {
    if (pending.name !== 'targets' && error instanceof TrustError && SKIPPABLE.includes(error.code)) {
      return { name: pending.name, code: error.code, bytes, fromCache };
    }
    throw error;
  }
}
