import { isReleaseRole } from './releasedDigest';
import type { VerifiedTrust } from './types';

/** `alice, bob` (delegations holding the signed digest), or `Repo Admin` as `docker trust inspect` says. */
export function describeSigners(trust: VerifiedTrust, signedDigest: string): string {
  const names = trust.signatures
    .filter((s) => !isReleaseRole(s.role) && s.digest === signedDigest)
    .map((s) => s.role.slice('targets/'.length));
  const unique = [...new Set(names)];
  return unique.length === 0 ? 'signed by the repository key (Repo Admin)' : `signed by ${unique.join(', ')}`;
}
