import { findWorkloadImages, parseImageReference } from '../kube';
import { memoByDocument } from '../yaml/documentMemo';
import type { PolicySource } from './policySet';
import type { YamlDocument } from '../yaml/yamlFile';
import { keptList } from '../emptyList';
import { withFields } from '../withFields';

/** One container image of a workload, as admission needs it (a narrow view of kube's `WorkloadImage`). */
export interface WorkloadImageRef {
  readonly image: string;
  /** Offsets of the image value in the file. */
  readonly start: number;
  readonly end: number;
  /** `metadata.namespace` of the owning object as written. */
  readonly namespace?: string;
}

export type WorkloadImageFinder = (doc: YamlDocument) => readonly WorkloadImageRef[];

/**
 * The images whose policy lookup Portieris reaches: kube's `findWorkloadImages` minus the ones it never inspects
 * (ephemeral containers, objects owned by a known parent; portieris.md §4.3, §4.5) and the ones it denies or
 * fails on before the lookup (`invalid image name`, §2.4 item 2; the sha512 panic). kube reports those.
 * Blank images are already left out.
 */
export const enforcedWorkloadImages: WorkloadImageFinder = (doc) =>
  // Asked for every document on every validation (admission's cache key, admission, trust): once per text.
  memoByDocument(
    'enforced-images',
    '',
    doc,
    (): readonly WorkloadImageRef[] =>
      keptList(
        findWorkloadImages(doc)
          .filter((found) => found.enforced && reachesPolicyLookup(found.image))
          .map((found) => {
            const ref = { image: found.image, start: found.start, end: found.end };
            return found.owner.namespace === undefined
              ? ref
              : withFields(ref, { namespace: found.owner.namespace });
          }),
      ),
    (refs, by) => refs.map((ref) => ({ ...ref, start: ref.start + by.offset, end: ref.end + by.offset })),
  );

function reachesPolicyLookup(image: string): boolean {
  const parsed = parseImageReference(image);
  return parsed.ok ? !parsed.ref.portierisPanics : !parsed.error.portierisRejects;
}

/**
 * Names the policy sets a document's enforced images resolve against, one `namespace=id` per namespace
 * (`PolicySource.policySetId`): answers derived from the document and those sets (admission verdicts, trust
 * targets) hold while the key is unchanged. Undefined when the source cannot name its sets.
 */
export function documentPolicySetsKey(
  doc: YamlDocument,
  policies: PolicySource,
  defaultNamespace: string,
): string | undefined {
  if (!policies.policySetId) return undefined;
  const refs = enforcedWorkloadImages(doc);
  const generation = policies.changeCount;
  const last = lastKeys.get(refs);
  if (
    last !== undefined &&
    generation !== undefined &&
    last.source === policies &&
    last.generation === generation &&
    last.defaultNamespace === defaultNamespace
  ) {
    return last.key;
  }
  const namespaces = new Set(refs.map((ref) => ref.namespace ?? defaultNamespace));
  const key = [...namespaces]
    .map((namespace) => `${namespace}=${policies.policySetId?.(namespace)}`)
    .join(',');
  if (generation !== undefined) lastKeys.set(refs, { source: policies, generation, defaultNamespace, key });
  return key;
}

/**
 * The last key per document (keyed by its memoised image list, the same array while its text is unchanged).
 * Admission and trust both ask for every document on every validation, and most edits change no policy.
 */
const lastKeys = new WeakMap<
  readonly WorkloadImageRef[],
  {
    readonly source: PolicySource;
    readonly generation: number;
    readonly defaultNamespace: string;
    readonly key: string;
  }
>();
