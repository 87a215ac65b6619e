import { pathAllowed } from '../tuf/delegationNames';
import type { VerifiedTargetsRole } from './targetsTree';

/**
 * notary's `WalkTargets` (tuf/tuf.go:704, notary-v1.md §5.1): breadth-first from `start`, children in
 * `delegations.roles` order, only roles that verified, skipping `skip` and its subtree. A role is visited
 * for `target` only if its (restricted) paths allow it; `target === undefined` visits every role.
 */
export function walkRoles(
  roles: ReadonlyMap<string, VerifiedTargetsRole>,
  options: { readonly start: string; readonly target?: string; readonly skip?: string },
): VerifiedTargetsRole[] {
  const visited: VerifiedTargetsRole[] = [];
  const first = roles.get(options.start);
  const queue = first ? [first] : [];
  while (queue.length > 0) {
    const role = queue.shift() as VerifiedTargetsRole;
    if (role.name === options.skip) continue;
    if (options.target === undefined || pathAllowed(role.paths, options.target)) visited.push(role);
    for (const child of role.metadata.delegations) {
      const loaded = roles.get(child.name);
      if (loaded !== undefined) queue.push(loaded);
    }
  }
  return visited;
}
