import type { RoleSignature } from './types';

const RELEASES_ROLE = 'targets/releases';

/** `targets` and `targets/releases` are the roles whose digest Portieris calls released (portieris.md §3.3 item 3). */
export function isReleaseRole(role: string): boolean {
  return role === 'targets' || role === RELEASES_ROLE;
}

/**
 * Portieris keeps the sha256 of the **last** signature whose role is exactly `targets` or
 * `targets/releases`; the walk is targets-first, so `targets/releases` wins when both list the tag
 * (portieris.md §3.3 item 3). Undefined when only other delegations list the tag.
 */
export function releasedSignature(signatures: readonly RoleSignature[]): RoleSignature | undefined {
  let released: RoleSignature | undefined;
  for (const signature of signatures) if (isReleaseRole(signature.role)) released = signature;
  return released;
}
