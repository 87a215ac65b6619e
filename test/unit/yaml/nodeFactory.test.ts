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
import { newMap, newPair, newScalar, newSeq } from '../../../server/src/yaml/fast/nodeFactory';

/** What a consumer of the library can observe of a node: its class, own keys, and the identity checks. */
function observable(node: object): unknown {
  return {
    keys: Object.keys(node),
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
    assert.deepEqual(observable(newScalar('a')), observable(new Scalar('a')));
    assert.deepEqual(observable(newMap()), observable(new YAMLMap(schema)));
    assert.deepEqual(observable(newSeq()), observable(new YAMLSeq(schema)));
    const key = newScalar('k');
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
    seq.items.push(newScalar('nginx:1.27'));
    map.items.push(newPair(newScalar('name'), newScalar('web')), newPair(newScalar('images'), seq));
    assert.deepEqual(map.toJSON(), { name: 'web', images: ['nginx:1.27'] });
    assert.equal(map.get('name'), 'web');
    const copy = map.clone();
    assert.ok(isMap(copy));
    assert.deepEqual(copy.toJSON(), map.toJSON());
    assert.equal(stringify(new Document(map)), 'name: web\nimages:\n  - nginx:1.27\n');
  });
});
