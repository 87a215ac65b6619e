import { isAlias, type YAMLMap } from 'yaml';
import { asMap, asSeq, findPair, nodeAtPath, type PathStep } from '../yaml/navigate';
import { memoByDocument, type DocumentMove } from '../yaml/documentMemo';
import type { YamlDocument } from '../yaml/yamlFile';
import { readKubeObjectNode, type KubeObject, type Offsets } from './kubeObject';
import { EMPTY_LIST, keptList } from '../emptyList';

/** One object of a document: the root, or an item of a `v1` `List` (nested lists included). */
export interface LocatedKubeObject {
  readonly object: KubeObject;
  /** Steps from the document root to the object: `[]` for the root, `['items', 2]` for a list item. */
  readonly path: readonly PathStep[];
  /** True when the object was reached through an alias: its text is shared with another place. */
  readonly viaAlias: boolean;
  /** Offsets of the alias node through which it was reached, when `viaAlias`. */
  readonly aliasOffsets?: readonly [number, number];
}

/** kubectl flattens nested lists; a bound keeps hostile nesting (or alias loops) finite. */
const MAX_LIST_DEPTH = 8;
const MAX_OBJECTS = 10_000;

/** Every Kubernetes object of the document, list items flattened in order. */
export function kubeObjectsOf(doc: YamlDocument): readonly LocatedKubeObject[] {
  // Every reader (policies, images, Secrets, signers) starts here; once per document text. They share
  // the one list, read-only.
  return memoByDocument('kube-objects', '', doc, () => keptList(findKubeObjects(doc)), moveKubeObjects);
}

/**
 * The objects of a document moved by an edit above it: their nodes moved with it, the offsets of an alias
 * they were reached through follow. Each is a new object, as readers may key caches on them.
 */
function moveKubeObjects(objects: readonly LocatedKubeObject[], by: DocumentMove): LocatedKubeObject[] {
  const move = (o: Offsets): Offsets => [o[0] + by.offset, o[1] + by.offset];
  return objects.map((located) => {
    const object = { ...located.object };
    return located.aliasOffsets
      ? { ...located, object, aliasOffsets: move(located.aliasOffsets) }
      : { ...located, object };
  });
}

function findKubeObjects(doc: YamlDocument): LocatedKubeObject[] {
  const found: LocatedKubeObject[] = [];
  const visit = (
    value: unknown,
    path: readonly PathStep[],
    alias: readonly [number, number] | undefined,
    depth: number,
  ) => {
    const object = readKubeObjectNode(doc, value);
    if (!object || found.length >= MAX_OBJECTS) return;
    const ownAlias = alias ?? aliasRange(value);
    // The optional field picks the literal rather than being spread into one (faster in V8; parseImageReference.ts).
    found.push(
      ownAlias ? { object, path, viaAlias: true, aliasOffsets: ownAlias } : { object, path, viaAlias: false },
    );
    if (object.apiVersion !== 'v1' || object.kind !== 'List' || depth >= MAX_LIST_DEPTH) return;
    const itemsValue = findPair(doc, value, 'items')?.value;
    const itemsAlias = ownAlias ?? aliasRange(itemsValue);
    asSeq(doc, itemsValue)?.items.forEach((item, index) => {
      visit(item, [...path, 'items', index], itemsAlias, depth + 1);
    });
  };
  visit(doc.root, EMPTY_LIST, undefined, 0);
  return found;
}

/**
 * The object's own mapping (aliases resolved), found again from the document root by its path. Objects do
 * not hold their node: the memo keeps them for as long as the file is open, and a node would keep the whole
 * syntax tree the open releases (yaml/parsedChunk.ts).
 */
export function kubeObjectNode(doc: YamlDocument, located: LocatedKubeObject): YAMLMap | undefined {
  return asMap(doc, nodeAtPath(doc, located.path)?.node);
}

/** The offsets of `value` when it is an alias node. */
export function aliasRange(value: unknown): readonly [number, number] | undefined {
  if (!isAlias(value) || !value.range) return undefined;
  return [value.range[0], value.range[1]];
}
