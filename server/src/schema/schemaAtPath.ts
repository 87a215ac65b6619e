import type { PathStep } from '../yaml/navigate';
import { classifyDocument } from './documentType';
import { isSchemaNode, resolveRef, typesOf, type SchemaNode } from './schemaNode';
import type { SelectedSchema } from './selectSchema';

/** The schema that governs the value at `path` (map keys and list indexes), refs resolved. */
export function schemaAtPath(root: SchemaNode, path: readonly PathStep[]): SchemaNode | undefined {
  let node = resolveRef(root, root);
  for (const step of path) {
    if (!node) return undefined;
    if (typeof step === 'number') {
      node = resolveRef(root, node.items);
    } else {
      const open = isSchemaNode(node.additionalProperties) ? node.additionalProperties : undefined;
      node = resolveRef(root, node.properties?.[step] ?? open);
    }
  }
  return node;
}

/** Editor help also works on near misses (`sportieris…`), using the schema the author most likely meant. */
export function schemaForDocument(apiVersion: unknown, kind: unknown): SelectedSchema | undefined {
  return classifyDocument(apiVersion, kind)?.selected;
}

/** A short type label for completion details: `boolean`, `map`, `list`, `string (enum)`. */
export function typeLabel(node: SchemaNode | undefined): string {
  const types = typesOf(node).map((t) => (t === 'object' ? 'map' : t === 'array' ? 'list' : t));
  const label = types.join(' | ') || 'any';
  return node?.enum ? `${label} (enum)` : label;
}
