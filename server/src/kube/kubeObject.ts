import { asMap, asSeq, asString, findPair } from '../yaml/navigate';
import type { YamlDocument } from '../yaml/yamlFile';
import type { Writable } from '../writable';
import { EMPTY_LIST } from '../emptyList';

/** Start and end (exclusive) offsets in the file text. */
export type Offsets = readonly [start: number, end: number];

export interface OwnerReference {
  readonly kind?: string;
  readonly name?: string;
}

/** The identity of one Kubernetes object in a YAML document. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  /** `metadata.ownerReferences` as written; Portieris skips objects owned by workloads (portieris.md §4.3). */
  readonly ownerReferences: readonly OwnerReference[];
}

/** The document's root as a Kubernetes object, or undefined when it has no string `apiVersion` and `kind`. */
export function readKubeObject(doc: YamlDocument): KubeObject | undefined {
  return readKubeObjectNode(doc, doc.root);
}

/** Same as `readKubeObject` for any mapping node, e.g. an item of a `List`. */
export function readKubeObjectNode(doc: YamlDocument, value: unknown): KubeObject | undefined {
  const node = asMap(doc, value);
  if (!node) return undefined;
  const apiVersion = findPair(doc, node, 'apiVersion');
  const kind = findPair(doc, node, 'kind');
  const apiVersionText = asString(doc, apiVersion?.value);
  const kindText = asString(doc, kind?.value);
  if (apiVersionText === undefined || kindText === undefined) return undefined;
  const metadata = findPair(doc, node, 'metadata')?.value;
  const name = findPair(doc, metadata, 'name');
  const namespace = findPair(doc, metadata, 'namespace');
  const nameText = asString(doc, name?.value);
  const namespaceText = asString(doc, namespace?.value);
  // Optional fields set after the literal, not spread into it (faster in V8; parseImageReference.ts).
  const object: Writable<KubeObject> = {
    apiVersion: apiVersionText,
    kind: kindText,
    ownerReferences: readOwnerReferences(doc, findPair(doc, metadata, 'ownerReferences')?.value),
  };
  if (nameText !== undefined) object.name = nameText;
  if (namespaceText !== undefined) object.namespace = namespaceText;
  return object;
}

function readOwnerReferences(doc: YamlDocument, value: unknown): readonly OwnerReference[] {
  const items = asSeq(doc, value)?.items;
  if (!items || items.length === 0) return EMPTY_LIST;
  return items.flatMap((item): OwnerReference[] => {
    if (!asMap(doc, item)) return [];
    const kind = asString(doc, findPair(doc, item, 'kind')?.value);
    const name = asString(doc, findPair(doc, item, 'name')?.value);
    return [{ ...(kind === undefined ? {} : { kind }), ...(name === undefined ? {} : { name }) }];
  });
}
