import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Alias,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { fastOffsets, pairKeyValue, unbuiltKeyOffsets } from './fast/nodeFactory';
import type { YamlDocument } from './yamlFile';

/**
 * Read-only navigation over one parsed document. Aliases are followed (anchors and aliases are legal in
 * Kubernetes YAML), but a bounded number of hops, so a recursive alias (`&a [*a]`) can never loop.
 */
const MAX_ALIAS_HOPS = 16;

export function resolveNode(doc: YamlDocument, value: unknown): Node | null {
  let current: unknown = value;
  for (let hops = 0; isAlias(current); hops++) {
    if (hops >= MAX_ALIAS_HOPS) return null;
    current = resolveAlias(doc, current) ?? null;
  }
  return isNodeLike(current) ? current : null;
}

/** The node an alias points to. Fast-parsed documents (no `document`) have no aliases: the fast path bails on them. */
export function resolveAlias(doc: YamlDocument, alias: Alias): unknown {
  return doc.document ? alias.resolve(doc.document) : undefined;
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value);
}

// The `as*` readers test the value itself first: it is almost never an alias, and `resolveNode` would
// test it against every node kind before the caller tests it once more.
export function asMap(doc: YamlDocument, value: unknown): YAMLMap | undefined {
  if (isMap(value)) return value;
  const node = resolveNode(doc, value);
  return isMap(node) ? node : undefined;
}

export function asSeq(doc: YamlDocument, value: unknown): YAMLSeq | undefined {
  if (isSeq(value)) return value;
  const node = resolveNode(doc, value);
  return isSeq(node) ? node : undefined;
}

/** The scalar's value as a string when it is a string scalar; numbers and booleans are not strings. */
export function asString(doc: YamlDocument, value: unknown): string | undefined {
  const node = isScalar(value) ? value : resolveNode(doc, value);
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

export function asScalar(doc: YamlDocument, value: unknown): Scalar | undefined {
  if (isScalar(value)) return value;
  const node = resolveNode(doc, value);
  return isScalar(node) ? node : undefined;
}

/** The key text of a pair when the key is a plain scalar (the only kind Kubernetes uses). */
export function keyText(pair: Pair): string | undefined {
  const value = pairKeyValue(pair);
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' || typeof value === 'boolean') && isScalar(pair.key)) return String(value);
  return undefined;
}

/** The pair of `map` whose key is `key`, comparing the key text exactly. */
export function findPair(doc: YamlDocument, map: unknown, key: string): Pair | undefined {
  const node = asMap(doc, map);
  if (!node) return undefined;
  // A map's items are always pairs (yaml's YAMLMap<K, V>.items: Pair<K, V>[]).
  for (const item of node.items) {
    const value = pairKeyValue(item);
    // A string key matches only when it is `key` itself: the common case needs no `keyText`.
    if (typeof value === 'string' ? value === key : keyText(item) === key) return item;
  }
  return undefined;
}

export function getField(doc: YamlDocument, map: unknown, key: string): unknown {
  return findPair(doc, map, key)?.value;
}

/** Offsets [start, end) of a node's value (without trailing comments), or undefined for synthetic nodes. */
export function nodeOffsets(node: unknown): [number, number] | undefined {
  const fast = fastOffsets(node);
  if (fast) return fast;
  if (isAlias(node) || isNodeLike(node)) {
    const range = node.range;
    if (range) return [range[0], range[1]];
  }
  return undefined;
}

/** Offsets of a pair's key; falls back to its value when the key has no range. */
export function keyOffsets(pair: Pair): [number, number] | undefined {
  return unbuiltKeyOffsets(pair) ?? nodeOffsets(pair.key) ?? nodeOffsets(pair.value);
}

/** A path step: a map key or a sequence index. */
export type PathStep = string | number;

/** Follows `path` from the document root; returns the node found (aliases resolved) and its last pair. */
export function nodeAtPath(
  doc: YamlDocument,
  path: readonly PathStep[],
): { node: Node | null; pair?: Pair } | undefined {
  let current: unknown = doc.root;
  let pair: Pair | undefined;
  for (const step of path) {
    if (typeof step === 'number') {
      const seq = asSeq(doc, current);
      if (!seq || step >= seq.items.length) return undefined;
      current = seq.items[step];
      pair = undefined;
    } else {
      pair = findPair(doc, current, step);
      if (!pair) return undefined;
      current = pair.value;
    }
  }
  const node = resolveNode(doc, current);
  return pair ? { node, pair } : { node };
}

/**
 * The chain of steps from the root to the innermost node that contains `offset`, for hover and
 * completion. `onKey` is true when the offset is on a key rather than on its value.
 */
export function pathAtOffset(
  doc: YamlDocument,
  offset: number,
): { path: PathStep[]; onKey: boolean; node: Node | null } {
  const path: PathStep[] = [];
  let current: Node | null = resolveNode(doc, doc.root);
  for (let depth = 0; current && depth < 256; depth++) {
    let next: Node | null = null;
    if (isMap(current)) {
      for (const item of current.items) {
        const keyRange = unbuiltKeyOffsets(item) ?? nodeOffsets(item.key);
        if (keyRange && offset >= keyRange[0] && offset <= keyRange[1]) {
          path.push(keyText(item) ?? '');
          return { path, onKey: true, node: current };
        }
        const valueRange = nodeOffsets(item.value);
        if (valueRange && offset >= valueRange[0] && offset <= valueRange[1]) {
          path.push(keyText(item) ?? '');
          next = isAlias(item.value) ? null : resolveNode(doc, item.value);
          if (!next) return { path, onKey: false, node: resolveNode(doc, item.value) };
          break;
        }
      }
    } else if (isSeq(current)) {
      current.items.forEach((item, index) => {
        const range = nodeOffsets(item);
        if (!next && range && offset >= range[0] && offset <= range[1]) {
          path.push(index);
          next = isAlias(item) ? null : resolveNode(doc, item);
        }
      });
    }
    if (!next) return { path, onKey: false, node: current };
    current = next;
  }
  return { path, onKey: false, node: current };
}
