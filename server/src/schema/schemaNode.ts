import type { JsonValue } from '../diagnostics/finding';

/** The subset of JSON Schema draft-07 our Portieris schemas use (schemas/*.schema.json). */
export interface SchemaNode {
  readonly $ref?: string;
  readonly title?: string;
  readonly description?: string;
  /** VS Code / yaml-language-server extension: markdown shown on hover instead of `description`. */
  readonly markdownDescription?: string;
  readonly type?: string | readonly string[];
  readonly properties?: { readonly [key: string]: SchemaNode };
  readonly additionalProperties?: boolean | SchemaNode;
  readonly items?: SchemaNode;
  readonly required?: readonly string[];
  readonly enum?: readonly JsonValue[];
  /** VS Code extension: one markdown text per `enum` value. */
  readonly markdownEnumDescriptions?: readonly string[];
  readonly const?: JsonValue;
  readonly default?: JsonValue;
  readonly definitions?: { readonly [key: string]: SchemaNode };
}

export function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows local `#/definitions/<name>` references (the only kind our standalone schemas use). */
export function resolveRef(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let hops = 0; current?.$ref !== undefined && hops < 16; hops++) {
    const match = /^#\/definitions\/(.+)$/.exec(current.$ref);
    current = match?.[1] === undefined ? undefined : root.definitions?.[match[1]];
  }
  return current;
}

/** The declared types as a list (`"object"` → `["object"]`). */
export function typesOf(node: SchemaNode | undefined): readonly string[] {
  if (node?.type === undefined) return [];
  return typeof node.type === 'string' ? [node.type] : node.type;
}
