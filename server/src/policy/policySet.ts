import type { PolicyObject } from './types';

/** The v1 policies the controller would list for one namespace, each in API list order (portieris.md §2.1). */
export interface PolicySet {
  readonly imagePolicies: readonly PolicyObject[];
  readonly clusterPolicies: readonly PolicyObject[];
  /** v1beta1 objects that would have applied to older versions; Portieris ≥ 0.10 never lists them (§1.1). */
  readonly ignoredLegacy: readonly PolicyObject[];
}

/** Anything that can answer "which policies apply in this namespace", e.g. the workspace `PolicyIndex`. */
export interface PolicySource {
  policiesFor(namespace: string): PolicySet;
  /**
   * A number naming the current `policiesFor(namespace)` set: equal numbers, same policies. Lets callers
   * keep answers derived from a set; absent: they cannot.
   */
  policySetId?(namespace: string): number;
  /**
   * Grows whenever any `policySetId` answer may change (a policy or the default namespace changed): while
   * it stands still, keys built from those ids still hold. Absent: callers rebuild them each time.
   */
  readonly changeCount?: number;
}
