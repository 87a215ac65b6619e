/** The Portieris policy model, matching and offline admission prediction: what other services import. */
export { PORTIERIS_API_VERSION, LEGACY_API_VERSION, policyApiVersionKind } from './apiGroups';
export type {
  PolicyObject,
  PolicyKind,
  RepositoryEntry,
  EntryPolicy,
  TrustPolicy,
  SimplePolicy,
  SimpleRequirement,
  SignedIdentity,
  VulnerabilityPolicy,
  LegacyVa,
  ListInsertion,
  Span,
  SpannedString,
} from './types';
export { readDocumentPolicies, readPolicies } from './readPolicies';
export { compare, compareAnyTag, compareImageRef } from './wildcard';
export { matchQuality, utf8Length } from './quality';
export { selectEntry, sortPolicies, type Candidate, type Selection, type WinReason } from './selectEntry';
export type { PolicySet, PolicySource } from './policySet';
export {
  predictAdmission,
  type AdmissionInput,
  type AdmissionPrediction,
  type DenyReason,
} from './predictAdmission';
export { requirementsOf, BUILT_IN_TRUST_SERVERS, type AdmissionRequirements } from './requirements';
export {
  denyNoPolicies,
  denyNoClusterMatch,
  denyNoNamespaceMatch,
  CONFLICTING_DIGEST_NOTE,
} from './messages';
export { checkAdmission, checkDocumentAdmission, type CheckAdmissionOptions } from './checkAdmission';
export { addEntryEdit, yamlScalar, type TextEditData } from './addEntryEdit';
export { repositoryNameFor } from './repositoryName';
export {
  documentPolicySetsKey,
  enforcedWorkloadImages,
  type WorkloadImageFinder,
  type WorkloadImageRef,
} from './workloadImages';
export { checkPolicySemantics } from './semantics/checkPolicySemantics';
export type { SemanticIndex } from './semantics/context';
export { covers } from './semantics/containment';
