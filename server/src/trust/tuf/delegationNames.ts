import { TrustError } from '../errors';

const NAME_CHARACTERS = /^[-a-z0-9_/]+$/;

/**
 * A delegation name is checked before it reaches a URL or a cache path (notary-v1.md §2.3, §7.2 item 9):
 * `targets/` prefix, only `[-a-z0-9_/]`, shorter than 256, no empty, `.` or `..` segments, and a direct
 * child of the role that delegates it.
 */
export function verifyDelegationName(name: string, parent: string): void {
  const segments = name.split('/');
  const valid =
    name.length < 256 &&
    NAME_CHARACTERS.test(name) &&
    segments[0] === 'targets' &&
    segments.length >= 2 &&
    segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..') &&
    segments.slice(0, -1).join('/') === parent;
  if (!valid) {
    throw new TrustError(
      'INVALID_ROLE_NAME',
      `${parent} delegates to the invalid role name ${JSON.stringify(name)}`,
      {
        details: { role: parent },
      },
    );
  }
}

/** notary `checkPaths`: a role may sign `target` iff one of its paths is a string prefix of it (§5.1). */
export function pathAllowed(paths: readonly string[], target: string): boolean {
  return paths.some((prefix) => target.startsWith(prefix));
}

/**
 * `RestrictDelegationPathPrefixes`: a child path survives only if it starts with one of the parent's
 * (already restricted) paths, so a delegation can never widen what its parent may sign.
 */
export function restrictPaths(
  parentPaths: readonly string[],
  childPaths: readonly string[],
): readonly string[] {
  return childPaths.filter((path) => pathAllowed(parentPaths, path));
}
