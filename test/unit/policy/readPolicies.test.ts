import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPolicies } from '../../../server/src/policy/readPolicies';
import { yamlFile } from './policyFixtures';

const TEXT = `apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata:
  name: signed
  namespace: team
spec:
  repositories:
    - name: icr.io/team/*
      policy:
        mutateImage: false
        trust:
          enabled: true
          trustServer: https://notary.example.com
          signerSecrets:
            - name: alice
            - name: bob
        simple:
          storeURL: https://sigstore.example.com
          storeSecret: store-creds
          requirements:
            - type: signedBy
              keySecret: gpg
              signedIdentity:
                type: matchExactRepository
                dockerRepository: icr.io/team/app
        vulnerability:
          ICCRVA:
            enabled: true
            account: acc1
    - name: "*"
---
apiVersion: securityenforcement.admission.cloud.ibm.com/v1beta1
kind: ClusterImagePolicy
metadata:
  name: legacy
spec:
  repositories:
    - name: icr.io/*
      policy:
        va:
          enabled: true
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata:
  name: sigstore
---
apiVersion: config.openshift.io/v1alpha1
kind: ClusterImagePolicy
metadata:
  name: openshift
`;

test('when a file mixes Portieris, legacy, Sigstore and OpenShift kinds → only the two Portieris groups are read', () => {
  const policies = readPolicies(yamlFile('file:///p.yaml', TEXT));
  assert.deepEqual(
    policies.map((p) => [p.kind, p.name, p.legacy, p.documentIndex]),
    [
      ['ImagePolicy', 'signed', false, 0],
      ['ClusterImagePolicy', 'legacy', true, 1],
    ],
  );
});

test('when an entry sets every policy part → each is read with exact spans', () => {
  const [policy] = readPolicies(yamlFile('file:///p.yaml', TEXT));
  assert.ok(policy);
  assert.equal(policy.namespace, 'team');
  assert.equal(
    TEXT.slice(policy.apiVersionSpan.start, policy.apiVersionSpan.end),
    'portieris.cloud.ibm.com/v1',
  );
  const [entry, star] = policy.repositories;
  assert.ok(entry && star);
  assert.equal(TEXT.slice(entry.nameSpan.start, entry.nameSpan.end), 'icr.io/team/*');
  assert.equal(TEXT.slice(star.nameSpan.start, star.nameSpan.end), '"*"');
  assert.equal(star.name, '*');
  const p = entry.policy;
  assert.equal(p.mutateImage, false);
  assert.equal(p.trust.enabled, true);
  assert.equal(p.trust.trustServer?.value, 'https://notary.example.com');
  assert.deepEqual(
    p.trust.signerSecrets.map((s) => [s.value, TEXT.slice(s.span.start, s.span.end)]),
    [
      ['alice', 'alice'],
      ['bob', 'bob'],
    ],
  );
  assert.equal(p.simple.storeURL?.value, 'https://sigstore.example.com');
  assert.equal(p.simple.storeSecret?.value, 'store-creds');
  const requirement = p.simple.requirements[0];
  assert.equal(requirement?.type?.value, 'signedBy');
  assert.equal(requirement?.keySecret?.value, 'gpg');
  assert.equal(requirement?.signedIdentity?.type?.value, 'matchExactRepository');
  assert.equal(requirement?.signedIdentity?.dockerRepository, 'icr.io/team/app');
  assert.equal(p.vulnerability.iccrvaEnabled, true);
  assert.equal(p.vulnerability.account, 'acc1');
  assert.equal(star.policy.mutateImage, true);
  assert.equal(star.policy.trust.enabled, false);
});

test('when a legacy policy uses va → it is read with its key span', () => {
  const policy = readPolicies(yamlFile('file:///p.yaml', TEXT))[1];
  const va = policy?.repositories[0]?.policy.va;
  assert.equal(va?.enabled, true);
  assert.equal(va && TEXT.slice(va.keySpan.start, va.keySpan.end), 'va');
});

test('when fields have wrong types → they read as absent, without throwing', () => {
  const text = `apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata: {name: x}
spec:
  repositories:
    - name: 42
      policy:
        trust: {enabled: "true", signerSecrets: oops}
        mutateImage: "no"
    - policy: []
`;
  const [policy] = readPolicies(yamlFile('f', text));
  const [first, second] = policy?.repositories ?? [];
  assert.equal(first?.name, '');
  assert.equal(first?.hasName, false);
  assert.equal(first?.policy.trust.enabled, false);
  assert.deepEqual(first?.policy.trust.signerSecrets, []);
  assert.equal(first?.policy.mutateImage, true);
  assert.equal(second?.name, '');
});

test('when repositories is missing, null or a list → the shape says so', () => {
  const head = 'apiVersion: portieris.cloud.ibm.com/v1\nkind: ClusterImagePolicy\nmetadata: {name: x}\n';
  const shape = (spec: string): string | undefined =>
    readPolicies(yamlFile('f', head + spec))[0]?.repositoriesShape;
  assert.equal(shape('spec: {}\n'), 'missing');
  assert.equal(shape('spec:\n  repositories:\n'), 'null');
  assert.equal(shape('spec:\n  repositories: []\n'), 'list');
  assert.equal(shape('spec:\n  repositories: nope\n'), 'other');
});

test('when policies are items of a v1 List → each item is read', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: portieris.cloud.ibm.com/v1
    kind: ImagePolicy
    metadata: {name: a, namespace: team}
    spec: {repositories: [{name: "icr.io/*"}]}
  - apiVersion: portieris.cloud.ibm.com/v1
    kind: ClusterImagePolicy
    metadata: {name: b}
    spec: {repositories: []}
`;
  const policies = readPolicies(yamlFile('f', text));
  assert.deepEqual(
    policies.map((p) => [p.kind, p.name, p.repositories.length, p.insertion?.style]),
    [
      ['ImagePolicy', 'a', 1, 'flow'],
      ['ClusterImagePolicy', 'b', 0, 'flow'],
    ],
  );
});
