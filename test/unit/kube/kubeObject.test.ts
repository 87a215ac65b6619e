import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readKubeObject } from '../../../server/src/kube/kubeObject';
import { docOf } from './yamlDocs';

test('when a document is a namespaced object → apiVersion, kind, name and namespace are read', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: prod\n';
  const object = readKubeObject(docOf(text));
  assert.ok(object);
  assert.equal(object.apiVersion, 'apps/v1');
  assert.equal(object.kind, 'Deployment');
  assert.equal(object.name, 'web');
  assert.equal(object.namespace, 'prod');
});

test('when there is no namespace → namespace is absent', () => {
  const object = readKubeObject(docOf('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n'));
  assert.equal(object?.namespace, undefined);
  assert.ok(object && !('namespace' in object));
  assert.equal(object?.name, 'p');
});

for (const text of [
  'a: 1\n',
  'kind: Pod\n',
  'apiVersion: v1\n',
  'apiVersion: 1\nkind: Pod\n',
  '- apiVersion: v1\n  kind: Pod\n',
  '---\n',
  'just text\n',
]) {
  test(`when the document is ${JSON.stringify(text)} → it is not a Kubernetes object`, () => {
    assert.equal(readKubeObject(docOf(text)), undefined);
  });
}

test('when ownerReferences are written → their kinds and names are read', () => {
  const text =
    'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  ownerReferences:\n  - {kind: Deployment, name: web}\n';
  assert.deepEqual(readKubeObject(docOf(text))?.ownerReferences, [{ kind: 'Deployment', name: 'web' }]);
});

test('when kind is an alias → it is resolved', () => {
  const text = 'x: &k Pod\napiVersion: v1\nkind: *k\n';
  assert.equal(readKubeObject(docOf(text))?.kind, 'Pod');
});
