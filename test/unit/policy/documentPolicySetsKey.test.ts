import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentPolicySetsKey } from '../../../server/src/policy';
import type { PolicySet, PolicySource } from '../../../server/src/policy/policySet';
import { podYaml } from '../../helpers/yamlFixtures';
import { policyYaml, yamlFile } from './policyFixtures';
import { PolicyIndex } from '../../../server/src/workspace/policyIndex';

const EMPTY: PolicySet = { imagePolicies: [], clusterPolicies: [], ignoredLegacy: [] };

/** A source whose set ids are chosen by the test, counting how often they are asked for. */
function countingSource(ids: Map<string, number>, changeCount?: number): PolicySource & { asked: number } {
  const source = {
    asked: 0,
    changeCount,
    policiesFor: () => EMPTY,
    policySetId(namespace: string): number {
      source.asked++;
      return ids.get(namespace) ?? 0;
    },
  };
  return source;
}

const pods = yamlFile('file:///pods.yaml', `${podYaml('prod')}---\n${podYaml()}`);

test('when the policies have not changed → the key is re-used, not rebuilt from the set ids', () => {
  const source = countingSource(
    new Map([
      ['prod', 1],
      ['default', 2],
    ]),
    7,
  );
  const [prod, other] = pods.documents;
  assert.ok(prod && other);
  assert.equal(documentPolicySetsKey(prod, source, 'default'), 'prod=1');
  assert.equal(documentPolicySetsKey(other, source, 'default'), 'default=2');
  const asked = source.asked;
  assert.equal(documentPolicySetsKey(prod, source, 'default'), 'prod=1');
  assert.equal(source.asked, asked);
  // Another default namespace is another key.
  assert.equal(documentPolicySetsKey(other, source, 'dev'), 'dev=0');
});

test('when the source has no change counter → the key is rebuilt every time', () => {
  const ids = new Map([['prod', 1]]);
  const source = countingSource(ids);
  const prod = pods.documents[0];
  assert.ok(prod);
  assert.equal(documentPolicySetsKey(prod, source, 'default'), 'prod=1');
  ids.set('prod', 5);
  assert.equal(documentPolicySetsKey(prod, source, 'default'), 'prod=5');
});

test('when a policy of the namespace changes in the index → the key names the new set', () => {
  const index = new PolicyIndex();
  const policy = policyYaml('ImagePolicy', 'p', ['quay.io/team/*'], 'prod');
  index.update(yamlFile('file:///p.yaml', policy));
  const prod = pods.documents[0];
  assert.ok(prod);
  const before = documentPolicySetsKey(prod, index, 'default');
  assert.equal(documentPolicySetsKey(prod, index, 'default'), before);
  index.update(yamlFile('file:///p.yaml', policy.replace('quay.io/team/*', 'quay.io/*')));
  const after = documentPolicySetsKey(prod, index, 'default');
  assert.notEqual(after, before);
  assert.match(after ?? '', /^prod=\d+$/);
});
