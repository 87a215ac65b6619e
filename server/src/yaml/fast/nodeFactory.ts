import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { NODE_TYPE } from '../nodeTag';
import { schema } from './coreSchema';

/**
 * The fast parser's constructors for the `yaml` library's node classes. The library's own constructors tag
 * every node with `Object.defineProperty(this, NODE_TYPE, …)` (nodes/Node.js, Pair.js) and collections also
 * with their schema (Collection.js). That is a runtime call per node, 13–20 % of the parse's CPU profile on
 * Kubernetes files. Here the tag, and the one schema every fast-parsed collection uses, sit on a prototype
 * between the node and the library's class, so `isScalar`/`isMap`/… (identity.js reads `node[NODE_TYPE]`),
 * `instanceof`, the library's methods and `clone()` see the same node.
 *
 * A node's `[start, value end, end]` is kept in three number fields, not in the library's `range` array: an
 * array is two more objects per node (a JSArray and its backing store, 72 bytes), more than the node itself,
 * and the heap of an open 42,000-line file holds ~90,000 of them. Nodes are kept while their file is open,
 * so the scavenges during the open copied every one of them twice. `range` stays readable (and writable)
 * as an accessor on the same prototype, for the library and for code that reads any node; our own hot
 * paths use `fastOffsets`.
 */

type Range3 = [number, number, number];

/** The fields that replace `range` on the fast parser's scalars and collections. */
interface RangeFields {
  rangeStart: number;
  rangeValueEnd: number;
  rangeEnd: number;
}

/**
 * `range` as the library exposes it: a fresh [start, value end, end] on each read. The library's type
 * allows a node without a range (`null`); that is kept as NaN fields, and such a node has no offsets.
 */
const rangeAccessor: PropertyDescriptorMap = {
  range: {
    configurable: true,
    enumerable: false,
    get(this: RangeFields): Range3 | undefined {
      if (Number.isNaN(this.rangeStart)) return undefined;
      return [this.rangeStart, this.rangeValueEnd, this.rangeEnd];
    },
    set(this: RangeFields, range: Range3 | null | undefined) {
      this.rangeStart = range ? range[0] : NaN;
      this.rangeValueEnd = range ? range[1] : NaN;
      this.rangeEnd = range ? range[2] : NaN;
    },
  },
};

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

class FastScalar implements RangeFields {
  constructor(
    readonly value: unknown,
    public rangeStart: number,
    public rangeValueEnd: number,
    public rangeEnd: number,
  ) {}
}
Object.setPrototypeOf(
  FastScalar.prototype,
  taggedPrototype(Scalar.prototype, new Scalar(null), rangeAccessor),
);

/**
 * A class for the fast parser's mappings or sequences, under `base` (YAMLMap.prototype or
 * YAMLSeq.prototype). Collections learn their range when they end (collectionEnd.ts); the fields exist
 * from the start so that every node of a class keeps one hidden class.
 */
function fastCollection(base: object, sample: object) {
  class FastCollection implements RangeFields {
    items: unknown[] = [];
    rangeStart = 0;
    rangeValueEnd = 0;
    rangeEnd = 0;
  }
  Object.setPrototypeOf(
    FastCollection.prototype,
    taggedPrototype(base, sample, { ...schemaProperty, ...rangeAccessor }),
  );
  return FastCollection;
}

const FastMap = fastCollection(YAMLMap.prototype, new YAMLMap(schema));
const FastSeq = fastCollection(YAMLSeq.prototype, new YAMLSeq(schema));

/**
 * A pair whose key may not be built yet. Nearly every key in a Kubernetes file is a plain string; the open
 * reads only its text and offsets (`pairKeyValue`, `unbuiltKeyOffsets`), so its Scalar is built on the first
 * read of `key` (hover, completion, quick fixes) and then kept. A 42,000-line file has ~40,000 keys: that
 * many fewer objects to allocate and to copy in the scavenges of its open (bench/notes.md).
 * `keyNode` is the key once built or set (or given, for keys that are not plain strings), `UNBUILT` until
 * then; `keyValue` is then its text and `keyStart`/`keyEnd` its offsets (a key's value ends where it does).
 */
const UNBUILT: unique symbol = Symbol('unbuilt key');

class FastPair {
  constructor(
    public keyNode: unknown,
    readonly keyValue: unknown,
    public keyStart: number,
    public keyEnd: number,
    public value: unknown,
  ) {}
}

/** The key as the library's Pair holds it: built from the fields on first read, as `plainScalar` would. */
const lazyKeyAccessor: PropertyDescriptorMap = {
  key: {
    configurable: true,
    enumerable: false,
    get(this: FastPair): unknown {
      if (this.keyNode === UNBUILT) {
        const text = this.keyValue as string;
        const key = new FastScalar(text, this.keyStart, this.keyEnd, this.keyEnd) as unknown as Scalar;
        key.source = text;
        key.type = Scalar.PLAIN;
        this.keyNode = key;
      }
      return this.keyNode;
    },
    set(this: FastPair, key: unknown) {
      this.keyNode = key;
    },
  },
};
Object.setPrototypeOf(FastPair.prototype, taggedPrototype(Pair.prototype, new Pair(null), lazyKeyAccessor));

// The casts below are this module's whole point: each object is, by its prototype chain and own
// properties, the library class it is cast to (nodeFactory.test.ts checks that).
export function newScalar(value: unknown, start: number, valueEnd: number, end: number): Scalar {
  return new FastScalar(value, start, valueEnd, end) as unknown as Scalar;
}

export function newMap(): YAMLMap {
  return new FastMap() as unknown as YAMLMap;
}

export function newSeq(): YAMLSeq {
  return new FastSeq() as unknown as YAMLSeq;
}

/** A pair with its key node built. */
export function newPair(key: Scalar, value: unknown): Pair {
  return new FastPair(key, key.value, NaN, NaN, value) as unknown as Pair;
}

/**
 * A pair whose key is the plain scalar `text` at [start, end) that resolves to that string (no core-schema
 * tag matches it); its node is built only if someone reads `key`.
 */
export function newPlainKeyPair(text: string, start: number, end: number, value: unknown): Pair {
  return new FastPair(UNBUILT, text, start, end, value) as unknown as Pair;
}

/** The value of a pair's key when it is a scalar (undefined for other keys), without building it. */
export function pairKeyValue(pair: Pair): unknown {
  if (pair instanceof FastPair && pair.keyNode === UNBUILT) return pair.keyValue;
  const key: unknown = pair.key;
  return typeof key === 'object' && key !== null && 'value' in key ? key.value : undefined;
}

/** [start, value end] of a key not built yet; undefined otherwise (read the key's own offsets then). */
export function unbuiltKeyOffsets(pair: Pair): [number, number] | undefined {
  return pair instanceof FastPair && pair.keyNode === UNBUILT ? [pair.keyStart, pair.keyEnd] : undefined;
}

/**
 * Moves the offsets of a key not built yet by `delta` and returns null; returns the key node otherwise, for
 * the caller to shift like any node.
 */
export function shiftPairKey(pair: Pair, delta: number): unknown {
  if (!(pair instanceof FastPair) || pair.keyNode !== UNBUILT) return pair.key;
  pair.keyStart += delta;
  pair.keyEnd += delta;
  return null;
}

function isFast(node: unknown): node is RangeFields {
  return node instanceof FastScalar || node instanceof FastMap || node instanceof FastSeq;
}

/** [start, value end] of a node the fast parser built, without building its `range`; else undefined. */
export function fastOffsets(node: unknown): [number, number] | undefined {
  if (!isFast(node) || Number.isNaN(node.rangeStart)) return undefined;
  return [node.rangeStart, node.rangeValueEnd];
}

/** Sets a node's whole range: the fields of a fast node, the `range` array of any other. */
export function setRange(
  node: Scalar | YAMLMap | YAMLSeq,
  start: number,
  valueEnd: number,
  end: number,
): void {
  if (isFast(node)) {
    node.rangeStart = start;
    node.rangeValueEnd = valueEnd;
    node.rangeEnd = end;
  } else {
    node.range = [start, valueEnd, end];
  }
}

/** A node's end (`range[2]`), trailing comments included; undefined for a node without a range. */
export function rangeEndOf(node: Scalar | YAMLMap | YAMLSeq): number | undefined {
  if (!isFast(node)) return node.range?.[2];
  return Number.isNaN(node.rangeEnd) ? undefined : node.rangeEnd;
}

/** Moves a node's end (`range[2]`), as the library does when trailing comments join the node. */
export function setRangeEnd(node: Scalar | YAMLMap | YAMLSeq, end: number): void {
  if (isFast(node)) node.rangeEnd = end;
  else if (node.range) node.range[2] = end;
}

/** Moves a node's offsets by `delta` in place; false when it is not a fast node (the caller shifts `range`). */
export function shiftFastNode(node: unknown, delta: number): boolean {
  if (!isFast(node)) return false;
  node.rangeStart += delta;
  node.rangeValueEnd += delta;
  node.rangeEnd += delta;
  return true;
}
