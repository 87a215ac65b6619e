/** The API versions whose ImagePolicy / ClusterImagePolicy kinds are Portieris' (portieris.md §1.1). */
export const PORTIERIS_API_VERSION = 'portieris.cloud.ibm.com/v1';
export const LEGACY_API_VERSION = 'securityenforcement.admission.cloud.ibm.com/v1beta1';

export const POLICY_KINDS = ['ImagePolicy', 'ClusterImagePolicy'] as const;

export function isPolicyKind(kind: string | undefined): kind is (typeof POLICY_KINDS)[number] {
  return kind === 'ImagePolicy' || kind === 'ClusterImagePolicy';
}

/** Same-named kinds of other groups (Sigstore, OpenShift) are not ours and return undefined. */
export function policyApiVersionKind(apiVersion: string | undefined): 'v1' | 'legacy' | undefined {
  if (apiVersion === PORTIERIS_API_VERSION) return 'v1';
  if (apiVersion === LEGACY_API_VERSION) return 'legacy';
  return undefined;
}
