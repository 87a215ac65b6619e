import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Document,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  Pair,
  Scalar,
  stringify,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { schema } from '../../../server/src/yaml/fast/coreSchema';
import {
  fastOffsets,
  newMap,
  newPair,
  newPlainKeyPair,
  newScalar,
  newSeq,
  pairKeyValue,
  rangeEndOf,
  setRange,
  setRangeEnd,
  unbuiltKeyOffsets,
} from '../../../server/src/yaml/fast/nodeFactory';
import { plainScalar } from '../../../server/src/yaml/fast/scalars';
import { shiftNodeOffsets } from '../../../server/src/yaml/shiftOffsets';
import {
  asString,
  keyOffsets,
  keyText,
  nodeAtPath,
  nodeOffsets,
  pathAtOffset,
} from '../../../server/src/yaml/navigate';
import { ParseCache } from '../../../server/src/yaml/parseCache';
import { toPlainValue } from '../../../server/src/yaml/plainValue';
import { nodeSnapshot } from './yamlSnapshot';

/**
 * The fields that hold a fast node's range instead of the library's `range` array, and a fast pair's key
 * until it is built (its `key` is then an accessor).
 */
const FAST_FIELDS = ['rangeStart', 'rangeValueEnd', 'rangeEnd', 'keyNode', 'keyValue', 'keyStart', 'keyEnd'];

/**
 * What a consumer of the library can observe of a node: its class, own keys (but the range fields), and
 * the identity checks.
 */
function observable(node: object): unknown {
  return {
    keys: Object.keys(node)
      .filter((key) => !FAST_FIELDS.includes(key))
      .concat(isPair(node) && !Object.keys(node).includes('key') ? ['key'] : [])
      .sort(),
    isNode: isNode(node),
    isScalar: isScalar(node),
    isMap: isMap(node),
    isSeq: isSeq(node),
    isPair: isPair(node),
    isCollection: isCollection(node),
    scalar: node instanceof Scalar,
    map: node instanceof YAMLMap,
    seq: node instanceof YAMLSeq,
    pair: node instanceof Pair,
  };
}

describe('fast parser node factory', () => {
  test('each node is, to the library, the node its own constructor makes', () => {
    assert.deepEqual(observable(newScalar('a', 0, 1, 1)), observable(new Scalar('a')));
    assert.deepEqual(observable(newMap()), observable(new YAMLMap(schema)));
    assert.deepEqual(observable(newSeq()), observable(new YAMLSeq(schema)));
    const key = newScalar('k', 0, 1, 1);
    assert.deepEqual(observable(newPair(key, null)), observable(new Pair(key, null)));
    assert.deepEqual(observable(newPlainKeyPair('k', 0, 1, null)), observable(new Pair(key, null)));
  });

  test('collections carry the core schema without an enumerable key', () => {
    const map = newMap();
    assert.equal(map.schema, schema);
    assert.ok(!Object.keys(map).includes('schema'));
    map.schema = undefined;
    assert.equal(map.schema, undefined, 'the schema stays writable, as Collection.js defines it');
    assert.equal(newMap().schema, schema, 'and writing it on one node leaves the others');
  });

  test('library methods work on them: toJSON, clone, get, stringify', () => {
    const map = newMap();
    const seq = newSeq();
    seq.items.push(newScalar('nginx:1.27', 30, 40, 41));
    map.items.push(
      newPair(newScalar('name', 0, 4, 4), newScalar('web', 6, 9, 10)),
      newPair(newScalar('images', 10, 16, 16), seq),
    );
    assert.deepEqual(map.toJSON(), { name: 'web', images: ['nginx:1.27'] });
    assert.equal(map.get('name'), 'web');
    const copy = map.clone();
    assert.ok(isMap(copy));
    assert.deepEqual(copy.toJSON(), map.toJSON());
    assert.equal(stringify(new Document(map)), 'name: web\nimages:\n  - nginx:1.27\n');
  });

  test('`range` reads and writes the three fields, and survives clone() and shifting', () => {
    const scalar = newScalar('web', 6, 9, 10);
    assert.deepEqual(scalar.range, [6, 9, 10]);
    assert.ok(!Object.keys(scalar).includes('range'), 'range is an accessor, not an own key');
    scalar.range = [1, 2, 3];
    assert.deepEqual(scalar.range, [1, 2, 3]);
    assert.deepEqual(fastOffsets(scalar), [1, 2]);
    setRangeEnd(scalar, 7);
    assert.deepEqual(scalar.range, [1, 2, 7]);
    const copy = scalar.clone();
    assert.deepEqual(copy.range, [1, 2, 7]);
    copy.range = [0, 0, 0];
    assert.deepEqual(scalar.range, [1, 2, 7], 'a clone has its own range');

    const map = newMap();
    setRange(map, 0, 20, 21);
    map.items.push(newPair(newScalar('name', 0, 4, 4), scalar));
    shiftNodeOffsets(map, 100);
    assert.deepEqual(map.range, [100, 120, 121]);
    assert.deepEqual(scalar.range, [101, 102, 107]);
    assert.equal(rangeEndOf(map), 121);
  });

  test('a plain key is built on first read, as the parser builds a plain string key, and then kept', () => {
    const value = newScalar('web', 6, 9, 10);
    const pair = newPlainKeyPair('name', 0, 4, value);
    assert.equal(pairKeyValue(pair), 'name');
    assert.deepEqual(unbuiltKeyOffsets(pair), [0, 4]);
    const key = pair.key;
    assert.ok(isScalar(key) && key instanceof Scalar);
    assert.deepEqual(nodeSnapshot(key), nodeSnapshot(plainScalar('name', 0, 4, 4)));
    assert.equal(key.source, 'name');
    assert.equal(pair.key, key, 'built once');
    assert.equal(unbuiltKeyOffsets(pair), undefined, 'once built, the node has the offsets');
    assert.equal(pairKeyValue(pair), 'name');
    const other = newScalar('image', 0, 5, 5);
    pair.key = other;
    assert.equal(pair.key, other, 'the key stays writable');
    assert.equal(pairKeyValue(pair), 'image');
    const unset = newPlainKeyPair('name', 0, 4, value);
    unset.key = null;
    assert.equal(unset.key, null, 'a key set to null stays null');
    assert.equal(pairKeyValue(unset), undefined);
  });

  test('shifting moves a key whether or not it was built', () => {
    const unbuilt = newPlainKeyPair('name', 0, 4, newScalar('web', 6, 9, 10));
    const built = newPlainKeyPair('kind', 11, 15, newScalar('Pod', 17, 20, 21));
    assert.ok(isScalar(built.key));
    const map = newMap();
    setRange(map, 0, 20, 21);
    map.items.push(unbuilt, built);
    shiftNodeOffsets(map, 100);
    assert.deepEqual(unbuiltKeyOffsets(unbuilt), [100, 104]);
    assert.deepEqual(nodeOffsets(unbuilt.key), [100, 104]);
    assert.deepEqual(nodeOffsets(built.key), [111, 115]);
    assert.deepEqual(map.toJSON(), { name: 'web', kind: 'Pod' });
  });

  test('reading a file the way its open does builds none of its keys', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: a\n      image: nginx\n';
    const doc = new ParseCache().get('file:///pod.yaml', 1, text).documents[0];
    assert.ok(doc && isMap(doc.root));
    assert.deepEqual(toPlainValue(doc, doc.root), {
      ok: true,
      value: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web' },
        spec: { containers: [{ name: 'a', image: 'nginx' }] },
      },
    });
    assert.equal(asString(doc, nodeAtPath(doc, ['spec', 'containers', 0, 'image'])?.node), 'nginx');
    assert.deepEqual(pathAtOffset(doc, text.indexOf('image')).path, ['spec', 'containers', 0, 'image']);
    const pairs: Pair[] = [];
    const walk = (node: unknown): void => {
      if (isMap(node)) {
        for (const pair of node.items) {
          pairs.push(pair);
          walk(pair.value);
        }
      }
      if (isSeq(node)) node.items.forEach(walk);
    };
    walk(doc.root);
    assert.equal(pairs.length, 8);
    assert.deepEqual(pairs[0] && keyOffsets(pairs[0]), [0, 10]);
    assert.deepEqual(
      pairs.map((pair) => keyText(pair)),
      ['apiVersion', 'kind', 'metadata', 'name', 'spec', 'containers', 'name', 'image'],
    );
    assert.ok(
      pairs.every((pair) => unbuiltKeyOffsets(pair) !== undefined),
      'no key was built',
    );
  });

  test('library methods read unbuilt keys too', () => {
    const map = newMap();
    map.items.push(newPlainKeyPair('name', 0, 4, newScalar('web', 6, 9, 10)));
    assert.equal(map.get('name'), 'web');
    assert.deepEqual(map.clone().toJSON(), { name: 'web' });
    assert.equal(stringify(new Document(map)), 'name: web\n');
  });

  test('a range set to null reads as none, as on a library node', () => {
    const scalar = newScalar('web', 6, 9, 10);
    scalar.range = null;
    assert.equal(scalar.range, undefined);
    assert.equal(fastOffsets(scalar), undefined);
    assert.equal(rangeEndOf(scalar), undefined);
    scalar.range = [1, 2, 3];
    assert.deepEqual(fastOffsets(scalar), [1, 2]);
  });

  test("the range helpers also serve the library's own nodes", () => {
    const scalar = new Scalar('x');
    assert.equal(fastOffsets(scalar), undefined);
    assert.equal(rangeEndOf(scalar), undefined);
    setRange(scalar, 3, 4, 5);
    assert.deepEqual(scalar.range, [3, 4, 5]);
    setRangeEnd(scalar, 9);
    assert.equal(rangeEndOf(scalar), 9);
    shiftNodeOffsets(scalar, 1);
    assert.deepEqual(scalar.range, [4, 5, 10]);
  });
});
