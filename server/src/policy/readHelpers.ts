import { isScalar, type Pair } from 'yaml';
import { asScalar, findPair, keyOffsets, nodeOffsets, resolveNode } from '../yaml/navigate';
import type { YamlDocument } from '../yaml/yamlFile';
import type { Span, SpannedString } from './types';

/** Span of a node, or undefined for synthetic nodes. */
export function spanOf(node: unknown): Span | undefined {
  const offsets = nodeOffsets(node);
  return offsets ? { start: offsets[0], end: offsets[1] } : undefined;
}

export function keySpanOf(doc: YamlDocument, map: unknown, key: string): Span | undefined {
  return pairKeySpan(findPair(doc, map, key));
}

/** Span of a pair's key (its value when the key has no range). */
export function pairKeySpan(pair: Pair | undefined): Span | undefined {
  const offsets = pair ? keyOffsets(pair) : undefined;
  return offsets ? { start: offsets[0], end: offsets[1] } : undefined;
}

/** A string field with the span of its value; non-strings read as absent (the schema layer reports them). */
export function readString(doc: YamlDocument, map: unknown, key: string): SpannedString | undefined {
  const value = findPair(doc, map, key)?.value;
  const scalar = asScalar(doc, value);
  if (!scalar || typeof scalar.value !== 'string') return undefined;
  const span = spanOf(value) ?? spanOf(scalar);
  return span ? { value: scalar.value, span } : undefined;
}

/** True only for a YAML boolean `true`: Go's `*bool` is nil or false otherwise. */
export function readTrue(doc: YamlDocument, map: unknown, key: string): { value: boolean; span?: Span } {
  const value = findPair(doc, map, key)?.value;
  const node = resolveNode(doc, value);
  const span = spanOf(value);
  const isTrue = isScalar(node) && node.value === true;
  // Two literals rather than a spread into one (faster in V8; kube/parseImageReference.ts).
  return span ? { value: isTrue, span } : { value: isTrue };
}

/**
 * A boolean field; a value that is not a boolean (or none) is `fallback` (for `mutateImage`, nil means
 * true: portieris.md §1.3).
 */
export function readBoolean(doc: YamlDocument, map: unknown, key: string, fallback: boolean): boolean {
  const node = resolveNode(doc, findPair(doc, map, key)?.value);
  return isScalar(node) && typeof node.value === 'boolean' ? node.value : fallback;
}
