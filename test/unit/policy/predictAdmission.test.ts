import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predictAdmission } from '../../../server/src/policy/predictAdmission';
import { indexOf, policyYaml } from './policyFixtures';

test('when there are no policies at all → deny with "no image policies or cluster polices"', () => {
  const result = predictAdmission({ image: 'nginx:1.26', namespace: 'default' }, indexOf({}));
  assert.equal(result.verdict, 'denied');
  assert.equal(
    result.verdict === 'denied' && result.message,
    'Deny "nginx:1.26", no image policies or cluster polices',
  );
});

test('when the namespace has ImagePolicies but none match → deny, never falling back to the cluster', () => {
  const index = indexOf({
    'file:///ns.yaml': policyYaml('ImagePolicy', 'team', ['icr.io/*'], 'team'),
    'file:///cluster.yaml': policyYaml('ClusterImagePolicy', 'all', ['*']),
  });
  const result = predictAdmission({ image: 'nginx:1.26', namespace: 'team' }, index);
  assert.equal(
    result.verdict === 'denied' && result.message,
    'Deny "nginx:1.26", no matching repositories in the ImagePolicies',
  );
});

test('when the namespace has no ImagePolicy → the ClusterImagePolicies decide', () => {
  const index = indexOf({
    'file:///ns.yaml': policyYaml('ImagePolicy', 'team', ['icr.io/*'], 'team'),
    'file:///cluster.yaml': policyYaml('ClusterImagePolicy', 'all', ['docker.io/*']),
  });
  const allowed = predictAdmission({ image: 'docker.io/x:1', namespace: 'other' }, index);
  assert.equal(allowed.verdict === 'allowed' && allowed.source, 'ClusterImagePolicy');
  const denied = predictAdmission({ image: 'nginx', namespace: 'other' }, index);
  assert.equal(
    denied.verdict === 'denied' && denied.message,
    'Deny "nginx", no matching repositories in ClusterImagePolicy and no ImagePolicies in the "other" namespace',
  );
});

test('when an ImagePolicy names no namespace → it applies to the configured default namespace', () => {
  const index = indexOf({ 'file:///p.yaml': policyYaml('ImagePolicy', 'p', ['*']) }, 'dev');
  assert.equal(predictAdmission({ image: 'x', namespace: 'dev' }, index).verdict, 'allowed');
  assert.equal(predictAdmission({ image: 'x', namespace: 'default' }, index).verdict, 'denied');
});

test('when only legacy v1beta1 policies exist → deny as Portieris ≥ 0.10 does, counting what it ignored', () => {
  const legacy = policyYaml('ClusterImagePolicy', 'old', ['*']).replace(
    'portieris.cloud.ibm.com/v1',
    'securityenforcement.admission.cloud.ibm.com/v1beta1',
  );
  const result = predictAdmission(
    { image: 'nginx', namespace: 'default' },
    indexOf({ 'file:///l.yaml': legacy }),
  );
  assert.equal(result.verdict, 'denied');
  assert.equal(result.verdict === 'denied' && result.ignoredLegacy, 1);
});

test('when the winning entry sets policy parts → requirements say what the controller checks', () => {
  const text = `apiVersion: portieris.cloud.ibm.com/v1
kind: ClusterImagePolicy
metadata: {name: c}
spec:
  repositories:
    - name: docker.io/*
      policy:
        trust: {enabled: true, signerSecrets: [{name: alice}]}
        simple: {requirements: [{type: signedBy, keySecret: k}]}
        vulnerability: {ICCRVA: {enabled: true}}
    - name: "*"
`;
  const index = indexOf({ 'file:///c.yaml': text });
  const strict = predictAdmission({ image: 'docker.io/a/b:1', namespace: 'default' }, index);
  assert.equal(strict.verdict, 'allowed');
  if (strict.verdict !== 'allowed') return;
  assert.deepEqual(strict.requirements.trust, { enabled: true, signerSecrets: ['alice'] });
  assert.equal(strict.requirements.simple.enabled, true);
  assert.equal(strict.requirements.vulnerability.enabled, true);
  assert.equal(strict.requirements.mutateImage, true);
  assert.equal(strict.notes.length, 1);
  assert.match(strict.notes[0] ?? '', /issue #515/);
  const open = predictAdmission({ image: 'nginx', namespace: 'default' }, index);
  assert.equal(open.verdict === 'allowed' && open.requirements.noChecks, true);
  assert.equal(open.verdict === 'allowed' && open.notes.length, 0);
});

test('when the image is blank → it is skipped, not denied', () => {
  assert.equal(predictAdmission({ image: '  ', namespace: 'default' }, indexOf({})).verdict, 'skipped');
});

test('when trust is enabled → the trust server is the policy one, the built-in one, or none with a note', () => {
  const text = `apiVersion: portieris.cloud.ibm.com/v1
kind: ClusterImagePolicy
metadata: {name: c}
spec:
  repositories:
    - name: "*"
      policy: {trust: {enabled: true}}
    - name: icr.io/own/*
      policy: {trust: {enabled: true, trustServer: "https://notary.example.com"}}
`;
  const index = indexOf({ 'file:///c.yaml': text });
  const predict = (image: string) => predictAdmission({ image, namespace: 'default' }, index);
  const hub = predict('nginx:1.26');
  assert.deepEqual(hub.verdict === 'allowed' && hub.trustServer, {
    url: 'https://notary.docker.io',
    source: 'built-in',
  });
  const quay = predict('quay.io:443/org/app');
  assert.deepEqual(quay.verdict === 'allowed' && quay.trustServer, {
    url: 'https://quay.io:443',
    source: 'built-in',
  });
  const own = predict('icr.io/own/app');
  assert.deepEqual(own.verdict === 'allowed' && own.trustServer, {
    url: 'https://notary.example.com',
    source: 'policy',
  });
  const icr = predict('us.icr.io/ns/app:1');
  assert.deepEqual(icr.verdict === 'allowed' && icr.trustServer, { source: 'none' });
  assert.deepEqual(icr.verdict === 'allowed' && icr.notes, [
    'Portieris will deny this image: trust: Trust Server/Image Configuration Error: no trust server could be found.',
  ]);
});
