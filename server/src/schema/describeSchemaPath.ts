import type { PathStep } from '../yaml/navigate';
import { schemaAtPath, schemaForDocument, typeLabel } from './schemaAtPath';
import { formatValue } from './schemaMessages';
import type { SchemaNode } from './schemaNode';

/** Markdown for one schema node: title, description, type, default and allowed values. */
export function describeSchemaNode(node: SchemaNode, fileName?: string): string {
  const parts: string[] = [];
  if (node.title !== undefined) parts.push(`**${node.title}**`);
  const text = node.markdownDescription ?? node.description;
  if (text !== undefined) parts.push(text);
  const facts = [`Type: \`${typeLabel(node)}\``];
  if (node.default !== undefined) facts.push(`Default: \`${formatValue(node.default)}\``);
  parts.push(facts.join(' · '));
  const values = node.enum ?? (node.const === undefined ? undefined : [node.const]);
  if (values) {
    const lines = values.map((value, i) => {
      const doc = node.markdownEnumDescriptions?.[i];
      const name = `- \`${formatValue(value)}\``;
      return doc === undefined ? name : `${name}: ${doc}`;
    });
    parts.push(`Allowed values:\n${lines.join('\n')}`);
  }
  if (fileName !== undefined) parts.push(`Schema: \`${fileName}\``);
  return parts.join('\n\n');
}

/**
 * Hover text for the key or value at `path` of a Portieris policy (portieris.md §1.3, §1.4), or undefined
 * when the document is not ours or the path is not in the schema (an unknown key).
 */
export function describeSchemaPath(
  apiVersion: unknown,
  kind: unknown,
  path: readonly PathStep[],
): string | undefined {
  const selected = schemaForDocument(apiVersion, kind);
  if (!selected) return undefined;
  const node = schemaAtPath(selected.schema, path);
  return node ? describeSchemaNode(node, selected.fileName) : undefined;
}
