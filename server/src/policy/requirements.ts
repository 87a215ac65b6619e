import type { Writable } from '../writable';
import type { EntryPolicy, SimpleRequirement } from './types';
import { keptList } from '../emptyList';

/** Registries with a built-in trust server since Portieris 0.13 (helpers/trustmap; portieris.md §3.1). */
export const BUILT_IN_TRUST_SERVERS: ReadonlyArray<{ readonly suffix: string; readonly server: string }> = [
  { suffix: 'docker.io', server: 'https://notary.docker.io' },
  { suffix: 'quay.io', server: 'https://quay.io:443' },
];

/** What the controller will check for an admitted image, in its order (portieris.md §3.5). */
export interface AdmissionRequirements {
  readonly trust: {
    readonly enabled: boolean;
    /** `policy.trust.trustServer` when set; otherwise the registry's built-in server is used (§3.1). */
    readonly trustServer?: string;
    /** Secret names in the workload namespace; empty means "signed by anyone" (§3.3). */
    readonly signerSecrets: readonly string[];
  };
  readonly simple: {
    /** The simple check runs only when there is at least one requirement (§1.3). */
    readonly enabled: boolean;
    readonly requirements: readonly SimpleRequirement[];
    readonly storeURL?: string;
    readonly storeSecret?: string;
  };
  readonly vulnerability: { readonly enabled: boolean; readonly account?: string };
  /** nil means true; without trust or simple there is no digest and so no mutation (§3.5, §3.6). */
  readonly mutateImage: boolean;
  /** True when neither trust nor simple runs: the image is admitted unchanged with no checks. */
  readonly noChecks: boolean;
}

export function requirementsOf(policy: EntryPolicy): AdmissionRequirements {
  const trustServer = policy.trust.trustServer?.value;
  const simpleEnabled = policy.simple.requirements.length > 0;
  const storeURL = policy.simple.storeURL?.value;
  const storeSecret = policy.simple.storeSecret?.value;
  const account = policy.vulnerability.account;
  // Optional fields set after the literals, not spread into them (faster in V8; kube/parseImageReference.ts).
  const trust: Writable<AdmissionRequirements['trust']> = {
    enabled: policy.trust.enabled,
    signerSecrets: keptList(policy.trust.signerSecrets.map((secret) => secret.value)),
  };
  if (trustServer) trust.trustServer = trustServer;
  const simple: Writable<AdmissionRequirements['simple']> = {
    enabled: simpleEnabled,
    requirements: policy.simple.requirements,
  };
  if (storeURL !== undefined) simple.storeURL = storeURL;
  if (storeSecret !== undefined) simple.storeSecret = storeSecret;
  const vulnerability: Writable<AdmissionRequirements['vulnerability']> = {
    enabled: policy.vulnerability.iccrvaEnabled,
  };
  if (account !== undefined) vulnerability.account = account;
  return {
    trust,
    simple,
    vulnerability,
    mutateImage: policy.mutateImage,
    noChecks: !policy.trust.enabled && !simpleEnabled,
  };
}
