import type { Scalar } from 'yaml';
import { asMap, asScalar, asSeq, asString, nodeOffsets } from '../yaml/navigate';
import { memoByDocument } from '../yaml/documentMemo';
import type { YamlDocument } from '../yaml/yamlFile';
import { aliasRange, kubeObjectNode, kubeObjectsOf, type LocatedKubeObject } from './kubeObjects';
import { fieldOf } from './mergedField';
import type { NotEnforcedReason, ScalarStyle, WorkloadImage } from './workloadImage';
import { CONTAINER_TYPES, KNOWN_PARENT_KINDS, workloadKindOf, type ContainerType } from './workloadKinds';
import { keptList } from '../emptyList';
import type { Writable } from '../writable';

/**
 * Every container image of the document's workloads (portieris.md §4.2, §7 item 5): Pod,
 * ReplicationController, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job and CronJob at the group
 * versions Portieris accepts, also as items of a `v1` `List`. Order: `initContainers`, `containers`
 * (Portieris' order, §4.5), then `ephemeralContainers`, which Portieris never inspects.
 *
 * Objects owned by a known parent kind are still listed, with `enforced: false`: Portieris admits them
 * unchecked (§4.3), but an unparsable image still fails to pull, and v0.14.3 (#517) enforces more of
 * them. Blank images are left out, as Portieris skips them (§2.4 item 6); so are non-string images.
 */
export function findWorkloadImages(doc: YamlDocument): readonly WorkloadImage[] {
  // Several validators (image syntax, admission, trust) ask for the same parsed document, and the next
  // versions of the file keep it while its text is unchanged: find them once, move them when it moves.
  // Callers share the one list (read-only), as they share its image objects.
  return memoByDocument(
    'workload-images',
    '',
    doc,
    (): readonly WorkloadImage[] =>
      keptList(kubeObjectsOf(doc).flatMap((located) => imagesOfObject(doc, located))),
    (known, by) =>
      known.map((image) => ({ ...image, start: image.start + by.offset, end: image.end + by.offset })),
  );
}

function imagesOfObject(doc: YamlDocument, located: LocatedKubeObject): WorkloadImage[] {
  const { object } = located;
  const workload = workloadKindOf(object.apiVersion, object.kind);
  if (!workload) return [];
  let value: unknown = kubeObjectNode(doc, located);
  let alias = located.aliasOffsets;
  for (const key of workload.podSpecPath) {
    const field = fieldOf(doc, value, key);
    value = field?.value;
    alias ??= field?.mergeAlias ?? aliasRange(value);
  }
  const podSpec = asMap(doc, value);
  if (!podSpec) return [];
  const owned = object.ownerReferences.some(
    (owner) => owner.kind !== undefined && KNOWN_PARENT_KINDS.has(owner.kind),
  );
  const images: WorkloadImage[] = [];
  for (const containerType of CONTAINER_TYPES) {
    const listField = fieldOf(doc, podSpec, containerType);
    const listValue = listField?.value;
    const listAlias = alias ?? listField?.mergeAlias ?? aliasRange(listValue);
    asSeq(doc, listValue)?.items.forEach((item, index) => {
      const containerAlias = listAlias ?? aliasRange(item);
      const imageField = fieldOf(doc, item, 'image');
      const scalar = asScalar(doc, imageField?.value);
      if (!imageField || !scalar || typeof scalar.value !== 'string' || scalar.value.trim() === '') return;
      const imageAlias = containerAlias ?? imageField.mergeAlias ?? aliasRange(imageField.value);
      const offsets = imageAlias ?? nodeOffsets(scalar);
      if (!offsets) return;
      const notEnforced = notEnforcedReason(containerType, owned);
      const containerName = asString(doc, fieldOf(doc, item, 'name')?.value);
      // Optional fields set after the literal, not spread into it (faster in V8; parseImageReference.ts).
      const image: Writable<WorkloadImage> = {
        documentIndex: doc.index,
        owner: ownerOf(located),
        objectPath: located.path,
        containerType,
        index,
        image: scalar.value,
        start: offsets[0],
        end: offsets[1],
        viaAlias: imageAlias !== undefined,
        anchored: [scalar, asMap(doc, item), asSeq(doc, listValue)].some((node) => Boolean(node?.anchor)),
        specPointer: workload.podSpecPointer,
        style: styleOf(scalar),
        enforced: notEnforced === undefined,
      };
      if (containerName !== undefined) image.containerName = containerName;
      if (notEnforced !== undefined) image.notEnforcedReason = notEnforced;
      images.push(image);
    });
  }
  return images;
}

function notEnforcedReason(containerType: ContainerType, owned: boolean): NotEnforcedReason | undefined {
  if (containerType === 'ephemeralContainers') return 'ephemeral-container';
  return owned ? 'owned-by-parent' : undefined;
}

function ownerOf({ object }: LocatedKubeObject): WorkloadImage['owner'] {
  const owner: Writable<WorkloadImage['owner']> = { apiVersion: object.apiVersion, kind: object.kind };
  if (object.name !== undefined) owner.name = object.name;
  if (object.namespace !== undefined) owner.namespace = object.namespace;
  return owner;
}

function styleOf(scalar: Scalar): ScalarStyle {
  return scalar.type ?? 'PLAIN';
}
