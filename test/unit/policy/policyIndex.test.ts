import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyIndex } from '../../../server/src/workspace/policyIndex';
import { policyYaml, yamlFile } from './policyFixtures';

const POLICY = policyYaml('ImagePolicy', 'p', ['icr.io/*'], 'team');

test('when a file is added, re-saved unchanged, edited and removed → the change counter moves only on changes', () => {
  const index = new PolicyIndex();
  assert.equal(index.update(yamlFile('file:///p.yaml', POLICY)), true);
  assert.equal(index.changeCount, 1);
  assert.equal(index.update(yamlFile('file:///p.yaml', POLICY)), false);
  assert.equal(index.changeCount, 1);
  assert.equal(index.update(yamlFile('file:///p.yaml', POLICY.replace('icr.io/*', 'docker.io/*'))), true);
  assert.equal(index.policiesFor('team').imagePolicies[0]?.repositories[0]?.name, 'docker.io/*');
  assert.equal(index.remove('file:///p.yaml'), true);
  assert.equal(index.remove('file:///p.yaml'), false);
  assert.equal(index.changeCount, 3);
  assert.deepEqual(index.policiesFor('team').imagePolicies, []);
});

test('when a file has no policies or Secrets → it is not held and nothing changes', () => {
  const index = new PolicyIndex();
  assert.equal(index.update(yamlFile('file:///d.yaml', 'apiVersion: v1\nkind: ConfigMap\n')), false);
  assert.equal(index.changeCount, 0);
});

test('when policies sit in several namespaces and files → policiesFor picks the namespace, sorted by name', () => {
  const index = new PolicyIndex({ defaultNamespace: 'dev' });
  index.update(yamlFile('file:///b.yaml', policyYaml('ImagePolicy', 'b', ['*'], 'team')));
  index.update(yamlFile('file:///a.yaml', policyYaml('ImagePolicy', 'a', ['*'], 'team')));
  index.update(yamlFile('file:///n.yaml', policyYaml('ImagePolicy', 'nons', ['*'])));
  index.update(yamlFile('file:///c.yaml', policyYaml('ClusterImagePolicy', 'c', ['*'])));
  assert.deepEqual(
    index.policiesFor('team').imagePolicies.map((p) => p.name),
    ['a', 'b'],
  );
  assert.deepEqual(
    index.policiesFor('dev').imagePolicies.map((p) => p.name),
    ['nons'],
  );
  assert.deepEqual(
    index.policiesFor('x').clusterPolicies.map((p) => p.name),
    ['c'],
  );
  index.setDefaultNamespace('other');
  assert.deepEqual(index.policiesFor('dev').imagePolicies, []);
});

test('when Secrets are defined, also inside a List → hasSecret finds them by name and namespace', () => {
  const index = new PolicyIndex();
  const text =
    'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: signer, namespace: team}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: plain}\n';
  assert.equal(index.update(yamlFile('file:///s.yaml', text)), true);
  assert.equal(index.hasSecret('signer', 'team'), true);
  assert.equal(index.hasSecret('signer', 'other'), false);
  assert.equal(index.hasSecret('signer', undefined), true);
  assert.equal(index.hasSecret('plain', 'default'), true);
});
