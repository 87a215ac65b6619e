/**
 * The `yaml` library's node tags (nodes/identity.js). They are registered symbols, so they are the same
 * across bundles: the library's `isScalar`, `isMap`, … each read `node[NODE_TYPE]` and compare it to one of
 * these. Reading the tag once and comparing it here saves the repeated reads on hot walks
 * (plainValue.ts), and the fast parser puts the same tag on its nodes' prototypes (fast/nodeFactory.ts).
 */
export const NODE_TYPE = Symbol.for('yaml.node.type');
export const ALIAS_TAG = Symbol.for('yaml.alias');
export const MAP_TAG = Symbol.for('yaml.map');
export const SCALAR_TAG = Symbol.for('yaml.scalar');
export const SEQ_TAG = Symbol.for('yaml.seq');

/** The tag of a yaml node (one of the above, or the pair's or document's), undefined for anything else. */
export function nodeTag(value: unknown): unknown {
  return typeof value === 'object' && value !== null
    ? (value as { readonly [NODE_TYPE]?: unknown })[NODE_TYPE]
    : undefined;
}
