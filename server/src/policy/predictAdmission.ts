import {
  CONFLICTING_DIGEST_NOTE,
  denyNoClusterMatch,
  denyNoNamespaceMatch,
  denyNoPolicies,
} from './messages';
import type { PolicySet, PolicySource } from './policySet';
import { requirementsOf, type AdmissionRequirements } from './requirements';
import { selectEntry, type Selection } from './selectEntry';
import { chooseTrustServer, NO_TRUST_SERVER_MESSAGE, type TrustServerChoice } from './trustServer';
import { keptList } from '../emptyList';

export interface AdmissionInput {
  /** The container image string exactly as written: matching uses it verbatim (portieris.md §2.2). */
  readonly image: string;
  /** The workload's namespace, or the configured default when the workload names none. */
  readonly namespace: string;
}

export type DenyReason = 'no-policies' | 'no-cluster-match' | 'no-namespace-match';

export type AdmissionPrediction =
  | {
      readonly verdict: 'allowed';
      readonly source: 'ImagePolicy' | 'ClusterImagePolicy';
      readonly selection: Selection;
      readonly requirements: AdmissionRequirements;
      /** Where the trust check will go, when trust is enabled (portieris.md §3.1). */
      readonly trustServer?: TrustServerChoice;
      /** Known runtime outcomes worth showing, e.g. the issue #515 denial. */
      readonly notes: readonly string[];
    }
  | {
      readonly verdict: 'denied';
      readonly reason: DenyReason;
      /** The controller's exact message (§2.1). */
      readonly message: string;
      /** Legacy v1beta1 objects that older versions would have used; ignored since 0.10 (§1.1). */
      readonly ignoredLegacy: number;
    }
  /** Blank image strings are skipped by the controller, not denied (§2.4 item 6). */
  | { readonly verdict: 'skipped'; readonly reason: 'blank-image' };

/**
 * Predicts `GetPolicyToEnforce` (portieris.md §2.1): ImagePolicies of the namespace only, when there is at
 * least one; otherwise ClusterImagePolicies; none at all denies; no matching entry denies.
 * Checks that need the registry (trust, simple, VA) are not run here: `requirements` says what they will be.
 */
export function predictAdmission(input: AdmissionInput, policies: PolicySource): AdmissionPrediction {
  const { image, namespace } = input;
  if (image.trim() === '') return { verdict: 'skipped', reason: 'blank-image' };
  const set = policies.policiesFor(namespace);
  // The same image is predicted many times per edit (admission, trust, hover) and the answer depends only
  // on the policy set, which the index rebuilds as a new object whenever anything changes.
  // Keyed by namespace, then image: both strings are hashed once and keep their hash, where a joined key
  // would be a new string to flatten and hash on every call.
  let byNamespace = predictions.get(set);
  if (!byNamespace) {
    byNamespace = new Map();
    predictions.set(set, byNamespace);
  }
  let known = byNamespace.get(namespace);
  if (!known) {
    known = new Map();
    byNamespace.set(namespace, known);
  }
  let prediction = known.get(image);
  if (!prediction) {
    prediction = predictFromSet(image, namespace, set);
    known.set(image, prediction);
  }
  return prediction;
}

const predictions = new WeakMap<PolicySet, Map<string, Map<string, AdmissionPrediction>>>();

function predictFromSet(image: string, namespace: string, set: PolicySet): AdmissionPrediction {
  const ignoredLegacy = set.ignoredLegacy.length;
  const useNamespace = set.imagePolicies.length > 0;
  if (!useNamespace && set.clusterPolicies.length === 0) {
    return { verdict: 'denied', reason: 'no-policies', message: denyNoPolicies(image), ignoredLegacy };
  }
  const selection = selectEntry(image, useNamespace ? set.imagePolicies : set.clusterPolicies);
  if (!selection) {
    return useNamespace
      ? {
          verdict: 'denied',
          reason: 'no-namespace-match',
          message: denyNoNamespaceMatch(image),
          ignoredLegacy,
        }
      : {
          verdict: 'denied',
          reason: 'no-cluster-match',
          message: denyNoClusterMatch(image, namespace),
          ignoredLegacy,
        };
  }
  const requirements = requirementsOf(selection.winner.entry.policy);
  const notes = requirements.trust.enabled && requirements.simple.enabled ? [CONFLICTING_DIGEST_NOTE] : [];
  const trustServer = requirements.trust.enabled
    ? chooseTrustServer(image, requirements.trust.trustServer)
    : undefined;
  if (trustServer?.source === 'none')
    notes.push(`Portieris will deny this image: ${NO_TRUST_SERVER_MESSAGE}.`);
  const source = useNamespace ? 'ImagePolicy' : 'ClusterImagePolicy';
  // The optional field picks the literal rather than being spread into one (faster in V8; kube/parseImageReference.ts).
  return trustServer
    ? { verdict: 'allowed', source, selection, requirements, trustServer, notes: keptList(notes) }
    : { verdict: 'allowed', source, selection, requirements, notes: keptList(notes) };
}
