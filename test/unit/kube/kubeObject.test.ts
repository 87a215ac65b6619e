import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readKubeObject } from '../../../server/src/kube/kubeObject';
import { docOf } from './yamlDocs';

test('when a document is a namespaced object → apiVersion, kind, name, namespace and their offsets are read', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: prod\n';
  const object = readKubeObject(docOf(text));
  assert.ok(object);
  assert.equal(object.apiVersion, 'apps/v1');
  assert.equal(object.kind, 'Deployment');
  assert.equal(object.name, 'web');
  assert.equal(object.namespace, 'prod');
  const { apiVersion, kind, name, namespace } = object.offsets;
  assert.ok(apiVersion && kind && name && namespace);
  assert.equal(text.slice(...apiVersion), 'apps/v1');
  assert.equal(text.slice(...kind), 'Deployment');
  assert.equal(text.slice(...name), 'web');
  assert.equal(text.slice(...namespace), 'prod');
});

test('when there is no namespace → namespace and its offsets are absent', () => {
  const object = readKubeObject(docOf('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n'));
  assert.equal(object?.namespace, undefined);
  assert.equal(object?.offsets.namespace, undefined);
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

test('when kind is an alias → it is resolved and the offsets are those of the alias node', () => {
  const text = 'x: &k Pod\napiVersion: v1\nkind: *k\n';
  const object = readKubeObject(docOf(text));
  assert.equal(object?.kind, 'Pod');
  const kind = object?.offsets.kind;
  assert.ok(kind);
  assert.equal(text.slice(...kind), '*k');
});
