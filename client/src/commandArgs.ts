import type { TrustNode } from './trustView/nodes';

/** Tree commands receive the node; palette and command-URI calls receive strings or nothing. */
export function asNode(value: unknown): TrustNode | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kind = (value as { kind?: unknown }).kind;
  const repository = (value as { repository?: unknown }).repository;
  return typeof kind === 'string' && typeof repository === 'string' ? (value as TrustNode) : undefined;
}

export type TagNode = Extract<TrustNode, { kind: 'tag' }>;

export function asTagNode(value: unknown): TagNode | undefined {
  const node = asNode(value);
  return node?.kind === 'tag' ? node : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The digest a tag node stands for: the signed one, else what the registry serves. */
export function digestOf(node: TagNode): string | undefined {
  return node.entry.signedDigest ?? node.entry.registryDigest;
}
