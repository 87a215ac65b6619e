import v1ImagePolicy from '../../../schemas/portieris.cloud.ibm.com_v1_imagepolicy.schema.json';
import v1ClusterImagePolicy from '../../../schemas/portieris.cloud.ibm.com_v1_clusterimagepolicy.schema.json';
import legacyPolicy from '../../../schemas/securityenforcement.admission.cloud.ibm.com_v1beta1_imagepolicy.schema.json';
import type { SchemaNode } from './schemaNode';

/** API groups and versions (portieris.md §1.1). */
export const PORTIERIS_GROUP = 'portieris.cloud.ibm.com';
export const PORTIERIS_API_VERSION = `${PORTIERIS_GROUP}/v1`;
export const LEGACY_GROUP = 'securityenforcement.admission.cloud.ibm.com';
export const LEGACY_API_VERSION = `${LEGACY_GROUP}/v1beta1`;
export const POLICY_KINDS = ['ImagePolicy', 'ClusterImagePolicy'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export type PortierisSchemaId = 'v1-imagepolicy' | 'v1-clusterimagepolicy' | 'v1beta1-legacy';

export interface SelectedSchema {
  readonly id: PortierisSchemaId;
  readonly apiVersion: string;
  readonly kind: PolicyKind;
  /** v1beta1: the CRD had no validation, so findings are warnings (portieris.md §1.1, §1.4). */
  readonly legacy: boolean;
  /** File name under `schemas/`, for "Source:" links. */
  readonly fileName: string;
  readonly schema: SchemaNode;
}

const V1_IMAGE_POLICY: SchemaNode = v1ImagePolicy;
const V1_CLUSTER_IMAGE_POLICY: SchemaNode = v1ClusterImagePolicy;
const LEGACY_POLICY: SchemaNode = legacyPolicy;

export function isPolicyKind(kind: unknown): kind is PolicyKind {
  return kind === 'ImagePolicy' || kind === 'ClusterImagePolicy';
}

/**
 * The schema for a Portieris policy document, or undefined for anything else. Other projects reuse the
 * kind name (Sigstore `policy.sigstore.dev`, OpenShift `config.openshift.io` ClusterImagePolicy): the
 * apiVersion must match exactly, so those get no diagnostics from us.
 */
export function selectSchema(apiVersion: unknown, kind: unknown): SelectedSchema | undefined {
  if (!isPolicyKind(kind)) return undefined;
  if (apiVersion === PORTIERIS_API_VERSION) {
    return kind === 'ImagePolicy'
      ? {
          id: 'v1-imagepolicy',
          apiVersion,
          kind,
          legacy: false,
          fileName: 'portieris.cloud.ibm.com_v1_imagepolicy.schema.json',
          schema: V1_IMAGE_POLICY,
        }
      : {
          id: 'v1-clusterimagepolicy',
          apiVersion,
          kind,
          legacy: false,
          fileName: 'portieris.cloud.ibm.com_v1_clusterimagepolicy.schema.json',
          schema: V1_CLUSTER_IMAGE_POLICY,
        };
  }
  if (apiVersion === LEGACY_API_VERSION) {
    return {
      id: 'v1beta1-legacy',
      apiVersion,
      kind,
      legacy: true,
      fileName: 'securityenforcement.admission.cloud.ibm.com_v1beta1_imagepolicy.schema.json',
      schema: LEGACY_POLICY,
    };
  }
  return undefined;
}
