import { goQuote } from '../kube';

/** The controller's denial strings, exactly (pkg/policy/policy.go; portieris.md §2.1, §3.7). */
export function denyNoPolicies(image: string): string {
  // "polices" is misspelt in the source and kept here.
  return `Deny ${goQuote(image)}, no image policies or cluster polices`;
}

export function denyNoClusterMatch(image: string, namespace: string): string {
  return `Deny ${goQuote(image)}, no matching repositories in ClusterImagePolicy and no ImagePolicies in the ${goQuote(namespace)} namespace`;
}

export function denyNoNamespaceMatch(image: string): string {
  return `Deny ${goQuote(image)}, no matching repositories in the ImagePolicies`;
}

/** Issue #515: with both simple and trust enabled the enforcer compares two buffer pointers (§3.5). */
export const CONFLICTING_DIGEST_NOTE =
  'Portieris v0.14.2 denies this image: with both trust and simple enabled it always reports ' +
  '"Notary signs conflicting digest: <pointer> simple: <pointer>" (issue #515, portieris.md §3.5).';
