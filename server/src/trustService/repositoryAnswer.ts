import type { NoTrustData, RegistryFacts, RoleSignature, TrustLookupFailure } from '../verdict';

/** Verified trust data of one repository on one server, reduced to what verdicts and hovers read. */
export interface VerifiedRepository {
  readonly kind: 'verified';
  readonly gun: string;
  readonly server: string;
  readonly checkedAt: string;
  /** Every role validly listing `tag`, walk order. */
  signaturesOf(tag: string): readonly RoleSignature[];
  /** Delegation role (`targets/alice`) → canonical key IDs. */
  readonly roleKeys: Readonly<Record<string, readonly string[]>>;
  /** Hex digests signed in `targets` or `targets/releases` under any tag. */
  readonly releasedDigests: readonly string[];
}

export type RepositoryAnswer = VerifiedRepository | NoTrustData | TrustLookupFailure;

/** The I/O behind the trust service: one verified repository, one registry digest. Never throws but on abort. */
export interface TrustBackend {
  repository(gun: string, server: string, signal: AbortSignal): Promise<RepositoryAnswer>;
  registryDigest(
    registryHost: string,
    path: string,
    tag: string,
    signal: AbortSignal,
  ): Promise<RegistryFacts>;
  close(): Promise<void>;
}
