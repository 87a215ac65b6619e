import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { schema } from './coreSchema';

/**
 * The fast parser's constructors for the `yaml` library's node classes. The library's own constructors tag
 * every node with `Object.defineProperty(this, NODE_TYPE, …)` (nodes/Node.js, Pair.js) and collections also
 * with their schema (Collection.js). That is a runtime call per node, 13–20 % of the parse's CPU profile on
 * Kubernetes files. Here the tag, and the one schema every fast-parsed collection uses, sit on a prototype
 * between the node and the library's class, so `isScalar`/`isMap`/… (identity.js reads `node[NODE_TYPE]`),
 * `instanceof`, the library's methods and `clone()` see the same node. Own properties are the library's,
 * in its order.
 */

/** identity.js: the library's tags are registered symbols, so they are the same across bundles. */
const NODE_TYPE = Symbol.for('yaml.node.type');

/** Scalar.prototype (or another class's) with the tag a real instance of that class carries. */
function taggedPrototype(base: object, sample: object, extra: PropertyDescriptorMap = {}): object {
  return Object.create(base, {
    [NODE_TYPE]: { value: Reflect.get(sample, NODE_TYPE) as unknown },
    ...extra,
  }) as object;
}

/** Collection.js defines `schema` as a non-enumerable, writable own property; here it is inherited. */
const schemaProperty: PropertyDescriptorMap = {
  schema: { value: schema, configurable: true, enumerable: false, writable: true },
};

class FastScalar {
  constructor(readonly value: unknown) {}
}
Object.setPrototypeOf(FastScalar.prototype, taggedPrototype(Scalar.prototype, new Scalar(null)));

class FastMap {
  readonly items: unknown[] = [];
}
Object.setPrototypeOf(
  FastMap.prototype,
  taggedPrototype(YAMLMap.prototype, new YAMLMap(schema), schemaProperty),
);

class FastSeq {
  readonly items: unknown[] = [];
}
Object.setPrototypeOf(
  FastSeq.prototype,
  taggedPrototype(YAMLSeq.prototype, new YAMLSeq(schema), schemaProperty),
);

class FastPair {
  constructor(
    readonly key: unknown,
    readonly value: unknown,
  ) {}
}
Object.setPrototypeOf(FastPair.prototype, taggedPrototype(Pair.prototype, new Pair(null)));

// The casts below are this module's whole point: each object is, by its prototype chain and own
// properties, the library class it is cast to (nodeFactory.test.ts checks that).
export function newScalar(value: unknown): Scalar {
  return new FastScalar(value) as unknown as Scalar;
}

export function newMap(): YAMLMap {
  return new FastMap() as unknown as YAMLMap;
}

export function newSeq(): YAMLSeq {
  return new FastSeq() as unknown as YAMLSeq;
}

export function newPair(key: Scalar, value: unknown): Pair {
  return new FastPair(key, value) as unknown as Pair;
}
