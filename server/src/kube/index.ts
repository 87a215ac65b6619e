/** The Kubernetes and image model: what other services import. */
export { parseImageReference } from './parseImageReference';
export type {
  ImageReference,
  ImageReferenceError,
  ImageReferenceErrorReason,
  ImageReferenceResult,
} from './imageReference';
export { pinnedReference, type PinStyle } from './pinnedReference';
export {
  readKubeObject,
  readKubeObjectNode,
  type KubeObject,
  type Offsets,
  type OwnerReference,
} from './kubeObject';
export { kubeObjectNode, kubeObjectsOf, type LocatedKubeObject } from './kubeObjects';
export { findWorkloadImages } from './findWorkloadImages';
export type { WorkloadImage, WorkloadOwner, ScalarStyle, NotEnforcedReason } from './workloadImage';
export { imagePointer } from './workloadImage';
export {
  WORKLOAD_KINDS,
  KNOWN_PARENT_KINDS,
  CONTAINER_TYPES,
  workloadKindOf,
  type ContainerType,
  type WorkloadKind,
} from './workloadKinds';
export { checkDocumentWorkloadImages, checkWorkloadImages } from './checkWorkloadImages';
export { findSecrets, secretValue, type KubeSecret, type SecretEntry } from './findSecrets';
export { goQuote } from './goQuote';
