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
  newScalar,
  newSeq,
  rangeEndOf,
  setRange,
  setRangeEnd,
} from '../../../server/src/yaml/fast/nodeFactory';
import { shiftNodeOffsets } from '../../../server/src/yaml/shiftOffsets';

/** The fields that hold a fast node's range instead of the library's `range` array. */
const RANGE_FIELDS = ['rangeStart', 'rangeValueEnd', 'rangeEnd'];

/**
 * What a consumer of the library can observe of a node: its class, own keys (but the range fields), and
 * the identity checks.
 */
function observable(node: object): unknown {
  return {
    keys: Object.keys(node).filter((key) => !RANGE_FIELDS.includes(key)),
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
