import type { JsonValue } from '../diagnostics/finding';
import type { PathStep } from '../yaml/navigate';
import { describeSchemaNode } from './describeSchemaPath';
import { schemaAtPath, schemaForDocument, typeLabel } from './schemaAtPath';
import { formatValue } from './schemaMessages';
import { resolveRef, typesOf, type SchemaNode } from './schemaNode';

export interface SchemaCompletion {
  readonly label: string;
  readonly kind: 'property' | 'value';
  readonly detail: string;
  /** Markdown. */
  readonly documentation: string;
  /** Plain text; multi-line for maps and lists, indented two spaces relative to the key. */
  readonly insertText: string;
}

function propertyInsert(key: string, node: SchemaNode | undefined): string {
  const types = typesOf(node);
  if (node?.enum === undefined && types[0] === 'object') return `${key}:\n  `;
  if (types[0] === 'array') return `${key}:\n  - `;
  return `${key}: `;
}

function propertyItems(
  root: SchemaNode,
  node: SchemaNode,
  existingKeys: readonly string[],
): SchemaCompletion[] {
  return Object.entries(node.properties ?? {})
    .filter(([key]) => !existingKeys.includes(key))
    .map(([key, raw]) => {
      const child = resolveRef(root, raw);
      return {
        label: key,
        kind: 'property',
        detail: typeLabel(child),
        documentation: child ? describeSchemaNode(child) : '',
        insertText: propertyInsert(key, child),
      };
    });
}

function valueItems(node: SchemaNode): SchemaCompletion[] {
  let values: readonly JsonValue[] = [];
  if (node.enum) values = node.enum;
  else if (node.const !== undefined) values = [node.const];
  else if (typesOf(node).includes('boolean')) values = [true, false];
  return values.map((value, i) => ({
    label: formatValue(value),
    kind: 'value',
    detail: node.title ?? typeLabel(node),
    documentation: node.markdownEnumDescriptions?.[i] ?? node.description ?? '',
    insertText: formatValue(value),
  }));
}

/**
 * Completions at `path` of a Portieris policy: the keys allowed in the map at `path` that are not in
 * `existingKeys`, or the allowed values (enum, const, true/false) when `path` names a scalar.
 */
export function completeSchemaPath(
  apiVersion: unknown,
  kind: unknown,
  path: readonly PathStep[],
  existingKeys: readonly string[],
): SchemaCompletion[] {
  const selected = schemaForDocument(apiVersion, kind);
  if (!selected) return [];
  const node = schemaAtPath(selected.schema, path);
  if (!node) return [];
  return node.properties ? propertyItems(selected.schema, node, existingKeys) : valueItems(node);
}
