import type { Finding } from '../../diagnostics/finding';
import { finding, type SemanticContext } from './context';

/**
 * An object with no repository entries, in a set (§2.1 step 5) where no object has any: every image in scope
 * is denied. A non-list `repositories` is left to the schema layer.
 */
export function checkEmptyRepositories(context: SemanticContext): Finding[] {
  const findings: Finding[] = [];
  // Loops by index: see `SemanticContext`.
  for (let p = 0; p < context.policies.length; p++) {
    const policy = context.policies[p];
    if (policy.repositories.length > 0 || policy.repositoriesShape === 'other') continue;
    if (context.peersOf(policy).some((peer) => peer.repositories.length > 0)) continue;
    const scope =
      policy.kind === 'ImagePolicy'
        ? `every image in namespace "${context.index.namespaceOf(policy) ?? ''}" is denied, and ClusterImagePolicies ` +
          'are not consulted there while an ImagePolicy exists'
        : 'every image in namespaces without an ImagePolicy is denied';
    findings.push(
      finding(
        context,
        'policy-empty-repositories',
        'warning',
        policy.repositoriesSpan,
        `No repository entries: ${scope}. To allow every image without checks, add an entry with name "*".`,
      ),
    );
  }
  return findings;
}
