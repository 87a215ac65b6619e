/**
 * The workload kinds Portieris admits, the group/versions it accepts for each, and where their pod spec
 * is (portieris.md §4.2, `pkg/kubernetes/podspec.go` `GetPodSpec`; the spec paths of §3.6).
 */
export interface WorkloadKind {
  readonly kind: string;
  readonly apiVersions: readonly string[];
  /** Keys from the object to its pod spec. */
  readonly podSpecPath: readonly string[];
  /** The same path as a JSON pointer (`/spec/template/spec`), one string shared by all objects of the kind. */
  readonly podSpecPointer: string;
}

const POD_TEMPLATE_SPEC = ['spec', 'template', 'spec'] as const;
const DEPLOYMENT_VERSIONS = ['apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1'];
const REPLICA_SET_VERSIONS = ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'];

const KINDS: readonly Omit<WorkloadKind, 'podSpecPointer'>[] = [
  { kind: 'Pod', apiVersions: ['v1'], podSpecPath: ['spec'] },
  { kind: 'ReplicationController', apiVersions: ['v1'], podSpecPath: POD_TEMPLATE_SPEC },
  { kind: 'Deployment', apiVersions: DEPLOYMENT_VERSIONS, podSpecPath: POD_TEMPLATE_SPEC },
  { kind: 'ReplicaSet', apiVersions: REPLICA_SET_VERSIONS, podSpecPath: POD_TEMPLATE_SPEC },
  { kind: 'DaemonSet', apiVersions: REPLICA_SET_VERSIONS, podSpecPath: POD_TEMPLATE_SPEC },
  {
    kind: 'StatefulSet',
    apiVersions: ['apps/v1', 'apps/v1beta1', 'apps/v1beta2'],
    podSpecPath: POD_TEMPLATE_SPEC,
  },
  { kind: 'Job', apiVersions: ['batch/v1'], podSpecPath: POD_TEMPLATE_SPEC },
  // batch/v1 since Portieris 0.12.0 (#350).
  {
    kind: 'CronJob',
    apiVersions: ['batch/v1', 'batch/v1beta1'],
    podSpecPath: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  },
];

export const WORKLOAD_KINDS: readonly WorkloadKind[] = KINDS.map((entry) => ({
  ...entry,
  podSpecPointer: `/${entry.podSpecPath.join('/')}`,
}));

/** The workload entry for an object, or undefined when Portieris does not treat it as a workload. */
export function workloadKindOf(apiVersion: string, kind: string): WorkloadKind | undefined {
  return WORKLOAD_KINDS.find((entry) => entry.kind === kind && entry.apiVersions.includes(apiVersion));
}

/**
 * Owners whose children Portieris admits without checks (`ErrObjectHasParents`, portieris.md §4.3):
 * only the top-level object is validated. Other owner kinds are treated as top level.
 */
export const KNOWN_PARENT_KINDS: ReadonlySet<string> = new Set([
  'Deployment',
  'Pod',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'StatefulSet',
  'CronJob',
  'Job',
]);

/** Container lists in the order Portieris checks them; `ephemeralContainers` it never inspects (§4.5). */
export const CONTAINER_TYPES = ['initContainers', 'containers', 'ephemeralContainers'] as const;
export type ContainerType = (typeof CONTAINER_TYPES)[number];
