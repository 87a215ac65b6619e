import { asMap, asSeq, getField } from '../yaml/navigate';
import type { YamlDocument } from '../yaml/yamlFile';
import { readString } from './readHelpers';

/** One container image of a workload, as admission needs it. */
export interface WorkloadImageRef {
  readonly image: string;
  /** Offsets of the image value in the file. */
  readonly start: number;
  readonly end: number;
  /** `metadata.namespace` of the owning object as written. */
  readonly namespace?: string;
}

export type WorkloadImageFinder = (doc: YamlDocument) => readonly WorkloadImageRef[];

// Pod spec paths per kind (portieris.md §3.6, §4.2).
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/**
 * A minimal stand-in for the kube layer's `findWorkloadImages`, used until that exists: `containers` and
 * `initContainers` of the pod spec of each enforced kind (§4.5). No owner-reference skipping.
 */
export const basicWorkloadImages: WorkloadImageFinder = (doc) => {
  const root = asMap(doc, doc.root);
  const kind = readString(doc, root, 'kind')?.value;
  const path = kind === undefined ? undefined : POD_SPEC_PATHS[kind];
  if (!root || !path) return [];
  let spec: unknown = root;
  for (const step of path) spec = getField(doc, spec, step);
  const namespace = readString(doc, getField(doc, root, 'metadata'), 'namespace')?.value;
  const images: WorkloadImageRef[] = [];
  for (const list of ['initContainers', 'containers']) {
    for (const container of asSeq(doc, getField(doc, spec, list))?.items ?? []) {
      const image = readString(doc, container, 'image');
      if (!image) continue;
      const ref = { image: image.value, start: image.span.start, end: image.span.end };
      images.push(namespace === undefined ? ref : { ...ref, namespace });
    }
  }
  return images;
};
